import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureWorkspace, FAKE_SERVER_JS, fixtureManifest, runLab, startLab, type FixtureWorkspace } from './testing/fixture-workspace';

/** The stand-in server, which first writes its environment to `$ENV_DUMP_DIR/<pid>.json`. */
const DUMPING_SERVER_JS = `require('node:fs').writeFileSync(require('node:path').join(process.env.ENV_DUMP_DIR, process.pid + '.json'), JSON.stringify(process.env));\n${FAKE_SERVER_JS}`;

const SCENARIO_TS = `import { defineScenario } from '@lab/engine';
export default defineScenario({
  id: '01-health', title: 'health', category: 'basic', description: 'GET /health', endpoints: ['health'],
  load: { kind: 'closed', vus: 1, durationMs: 1000 },
  async iteration({ http, check }) {
    check('status is 200', (await http.get('/health', { endpoint: 'health' })).status === 200);
  },
});
`;

/**
 * What differs by design between two starts: the ports and the database's name, and the marker
 * the process-based isolation tags a bench's roles with (LAB_ISOLATION_GROUP).
 */
function comparable(env: Record<string, string>): Record<string, string> {
  const { LAB_ISOLATION_GROUP: _marker, ...rest } = env;
  const masked = Object.entries(rest).map(([key, value]) => [
    key,
    value.replace(/:\d+(\/\w+)?$/, ':<port>').replace(/^\d+$/, key === 'PORT' ? '<port>' : value),
  ]);
  return Object.fromEntries(masked);
}

// Real PostgreSQL, Redis and upstream processes; the bench measures one short run.
describe('lab up, lab verify and lab bench start an implementation the same way', () => {
  let ws: FixtureWorkspace;
  let dumps: string;
  beforeAll(() => {
    ws = createFixtureWorkspace();
    dumps = join(ws.root, 'dumps');
    const manifest = fixtureManifest('javascript', {
      env: { FAKE_ID: 'env-fake', ENV_DUMP_DIR: dumps },
      pool: { env: 'FAKE_POOL', default: 3 },
      workers: { env: 'FAKE_WORKERS', default: 2 },
      variants: [{ id: 'big', description: 'more workers', env: { FAKE_WORKERS: '4' } }],
    });
    ws.impl('env-fake', manifest, { 'server.js': DUMPING_SERVER_JS });
    ws.write('scenarios/01-health/scenario.ts', SCENARIO_TS);
  });
  afterAll(() => ws.remove());

  /** The environments every server started by `run` dumped. */
  async function environments(run: () => Promise<unknown>): Promise<Array<Record<string, string>>> {
    rmSync(dumps, { recursive: true, force: true });
    mkdirSync(dumps);
    await run();
    return readdirSync(dumps).map((file) => JSON.parse(readFileSync(join(dumps, file), 'utf8')) as Record<string, string>);
  }

  it('the same environment, with the lab variables, pool and workers under both names, and the variant applied', async () => {
    const lock = { LAB_BENCH_LOCK: join(ws.root, 'bench.lock'), LAB_WARMUP_MS: '200' };
    const up = await environments(async () => {
      const lab = startLab(['up', 'env-fake', '--variant', 'big', '--workspace', ws.root]);
      let stderr = '';
      lab.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      await new Promise<void>((resolve, reject) => {
        const poll = setInterval(() => /is up at/.test(stderr) && (clearInterval(poll), resolve()), 100);
        lab.once('exit', () => (clearInterval(poll), reject(new Error(`lab up ended early:\n${stderr}`))));
      });
      lab.kill('SIGINT');
      await once(lab, 'exit');
    });
    const verify = await environments(() => runLab(['verify', 'env-fake', '--variant', 'big', '--only', 'basic', '--workspace', ws.root]));
    const bench = await environments(async () => {
      const run = await runLab(
        [
          'bench',
          '--impl',
          'env-fake',
          '--variant',
          'big',
          '--scenario',
          '01-health',
          '--runs',
          '1',
          '--duration',
          '1s',
          '--profile',
          'none',
          '--workspace',
          ws.root,
        ],
        lock,
      );
      expect(run.code, run.stderr).toBe(0);
    });
    expect([up.length, verify.length, bench.length]).toEqual([1, 1, 2]); // bench: the gate's server and the run's

    const reference = comparable(up[0]!);
    for (const env of [...verify, ...bench]) expect(comparable(env)).toEqual(reference);
    expect(reference).toMatchObject({
      FAKE_ID: 'env-fake',
      DB_POOL_SIZE: '3',
      FAKE_POOL: '3',
      WORKERS: '2',
      FAKE_WORKERS: '4',
      JWT_SECRET: expect.any(String),
      HOST: '127.0.0.1',
      PORT: '<port>',
      DATABASE_URL: 'postgresql://lab@127.0.0.1:<port>',
      REDIS_URL: 'redis://127.0.0.1:<port>',
      UPSTREAM_URL: 'http://127.0.0.1:<port>',
    });
    // A clean start: nothing of the lab's own environment (LAB_*, NODE_OPTIONS, the test runner's) leaks in.
    expect(Object.keys(reference).filter((key) => /^(LAB_|VITEST|NODE_OPTIONS|NX_|TSX_)/.test(key))).toEqual([]);
  }, 240_000);
});
