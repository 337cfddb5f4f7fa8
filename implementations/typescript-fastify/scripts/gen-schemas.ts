/**
 * Writes src/generated/contract-routes.json (this implementation's Fastify route schemas) from
 * the @lab/contract zod schemas. Run from the workspace root:
 *
 *   node --import tsx implementations/typescript-fastify/scripts/gen-schemas.ts
 *
 * `src/generated/contract-routes.test.ts` fails while the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GENERATED_FILE, renderRouteSchemas } from './route-schemas';

const target = fileURLToPath(new URL(`../${GENERATED_FILE}`, import.meta.url));
writeFileSync(target, renderRouteSchemas());
process.stderr.write(`wrote implementations/typescript-fastify/${GENERATED_FILE}\n`);
