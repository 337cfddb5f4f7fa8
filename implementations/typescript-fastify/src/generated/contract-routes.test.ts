/**
 * The committed `contract-routes.json` must be what `scripts/route-schemas.ts` builds from the
 * current `@lab/contract`. Skipped when the workspace's contract is not beside this folder (a copy
 * of the folder alone, e.g. a Docker build context).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const committedFile = fileURLToPath(new URL('./contract-routes.json', import.meta.url));
const contractIndex = fileURLToPath(new URL('../../../../libs/contract/src/index.ts', import.meta.url));
// Through a variable: the generator is workspace code (bundler-style imports), outside this
// folder's typecheck; tsx runs it.
const generatorModule = new URL('../../scripts/route-schemas.ts', import.meta.url).href;

interface Generator {
  renderRouteSchemas(): string;
  REGENERATE_COMMAND: string;
}

describe('generated route schemas', { skip: existsSync(contractIndex) ? false : 'libs/contract is not in this checkout' }, () => {
  it('are up to date with @lab/contract', async () => {
    const generator = (await import(generatorModule)) as Generator;
    const fresh = generator.renderRouteSchemas();
    const committed = readFileSync(committedFile, 'utf8');
    assert.ok(fresh === committed, `src/generated/contract-routes.json is stale: run \`${generator.REGENERATE_COMMAND}\` from the workspace root`);
  });

  it('cover every endpoint once, every integer parameter bounded inside PostgreSQL integer', () => {
    const { routes } = JSON.parse(readFileSync(committedFile, 'utf8')) as {
      routes: { id: string; schema: { params?: { properties: Record<string, Record<string, unknown>> }; querystring?: { properties: Record<string, Record<string, unknown>> } } }[];
    };
    assert.equal(new Set(routes.map((r) => r.id)).size, 60);
    for (const route of routes) {
      for (const part of [route.schema.params, route.schema.querystring]) {
        for (const [name, schema] of Object.entries(part?.properties ?? {})) {
          if (schema['type'] !== 'integer') continue;
          const { minimum, maximum } = schema as { minimum?: number; maximum?: number };
          // The handlers pass these straight to SQL: a value outside int4 must be a 422 first.
          assert.ok(minimum !== undefined && minimum >= -2147483648, `${route.id} ${name}: minimum ${minimum}`);
          assert.ok(maximum !== undefined && maximum <= 2147483647, `${route.id} ${name}: maximum ${maximum}`);
        }
      }
    }
  });
});
