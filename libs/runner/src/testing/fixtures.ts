import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineScenario, type LoadSpec, type ObserveSpec, type Scenario } from '@lab/engine';
import { parseManifest, type ImplManifest } from '@lab/manifest';

/** The workspace root (libs/runner/src/testing → ../../../..). */
export const WORKSPACE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** A tiny scenario: GET /health with a check; closed model, 2 VUs for 1 s unless another load is given. */
export function healthScenario(load: LoadSpec = { kind: 'closed', vus: 2, durationMs: 1_000 }, observe?: ObserveSpec): Scenario<unknown> {
  return defineScenario({
    id: '00-health-smoke',
    title: 'Health smoke',
    category: 'basic',
    description: 'GET /health in a closed loop: the runner tests only.',
    endpoints: ['health'],
    load,
    ...(observe ? { observe } : {}),
    async iteration({ http, check }) {
      const res = await http.get('/health', { endpoint: 'health' });
      check('status is 200', res.status === 200);
    },
    thresholds: ['errors < 1%'],
  });
}

/** A manifest for fixtures (everything the schema requires), with `start` as given. */
export function fixtureManifest(start: string, overrides: Record<string, unknown> = {}): ImplManifest {
  const parsed = parseManifest(
    {
      language: 'javascript',
      languageVersion: 'node 20',
      framework: 'node:http',
      frameworkVersion: 'node 20',
      server: 'node:http',
      orm: 'none',
      serializer: 'JSON.stringify',
      description: 'runner test fixture',
      build: { command: 'true' },
      start: { command: start },
      test: { command: 'true' },
      pool: { env: 'DB_POOL_SIZE', default: 4 },
      workers: { env: 'WORKERS', default: 1 },
      concurrency: { model: 'event-loop' },
      toolchain: { versionCommand: 'node --version' },
      ...overrides,
    },
    'fixture/lab.json',
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.manifest;
}

/** The baseline implementation, built first when its dist/ is missing. */
export function baselineImplementation(): { id: string; dir: string; manifest: ImplManifest } {
  const id = 'typescript-node-http';
  const dir = join(WORKSPACE_ROOT, 'implementations', id);
  if (!existsSync(join(dir, 'dist', 'main.js'))) {
    execFileSync('sh', ['-c', 'npm ci --no-audit --no-fund && npm run build'], { cwd: dir, stdio: 'ignore' });
  }
  const parsed = parseManifest(execFileSync('cat', [join(dir, 'lab.json')], { encoding: 'utf8' }), `${id}/lab.json`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return { id, dir, manifest: parsed.manifest };
}

/** A server whose /health breaks the contract (`status: "sleepy"`): the gate must fail it. */
export async function nonConformingImplementation(dir: string): Promise<{ id: string; dir: string; manifest: ImplManifest }> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'server.mjs'),
    `import { createServer } from 'node:http';
const body = JSON.stringify({ status: 'sleepy', server: 'gate-fixture' });
createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.env.PORT), process.env.HOST);
`,
  );
  return { id: 'gate-fixture', dir, manifest: fixtureManifest('node server.mjs') };
}

/**
 * A server that answers /health and, after `requests` requests, crashes mid-run: `exit` exits
 * with code 3; `allocate` allocates 8 MiB blocks, touched, up to 1 GiB (so only a memory limit
 * below that stops it, and a missing limit ends the test instead of the host) then exits 4.
 */
export async function crashingImplementation(
  dir: string,
  requests = 500,
  how: 'exit' | 'allocate' = 'exit',
): Promise<{ id: string; dir: string; manifest: ImplManifest }> {
  await mkdir(dir, { recursive: true });
  const crash =
    how === 'exit'
      ? `console.error('crash-fixture: giving up after ${requests} requests');
    process.exit(3);`
      : `console.error('crash-fixture: allocating after ${requests} requests');
    const blocks = [];
    for (let i = 0; i < 128; i++) blocks.push(Buffer.alloc(8 << 20, 1));
    console.error('crash-fixture: allocated 1 GiB, no limit stopped it');
    process.exit(4);`;
  await writeFile(
    join(dir, 'server.mjs'),
    `import { createServer } from 'node:http';
let served = 0;
const body = JSON.stringify({ status: 'ok', server: 'crash-fixture' });
createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
  if (++served === ${requests}) {
    ${crash}
  }
}).listen(Number(process.env.PORT), process.env.HOST);
`,
  );
  return { id: 'crash-fixture', dir, manifest: fixtureManifest('node server.mjs') };
}
