/**
 * One measured native-driver run against a running server, printed as one JSON line on stdout.
 * Usage: node --import tsx tools/native-bench/run-once.ts <engine src dir> <baseUrl> <vus> <durationMs> <bare|checks>
 * The engine directory is a parameter so an older checkout of libs/engine can be compared (see ab.ts).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [engineDir = 'libs/engine/src', baseUrl = '', vus = '10', durationMs = '5000', variant = 'bare'] = process.argv.slice(2);
const engine = (await import(pathToFileURL(resolve(engineDir, 'index.ts')).href)) as typeof import('../../libs/engine/src/index');

const scenario = engine.defineScenario({
  id: '00-native-bench',
  title: 'native driver bench',
  category: 'basic',
  description: 'GET /health in a closed loop, with or without the status check of 01-lightweight.',
  endpoints: ['health'],
  load: { kind: 'closed', vus: Number(vus), durationMs: Number(durationMs) },
  async iteration({ http, check }) {
    const res = await http.get('/health', { endpoint: 'health' });
    if (variant === 'checks') check('status is 200', res.status === 200);
  },
});

const run = (ms: number) => engine.runScenario(scenario, { baseUrl, driver: 'native', vus: Number(vus), durationMs: ms, graceMs: 1_000 });
await run(1_000);
const r = await run(Number(durationMs));
const seconds = r.durationMs / 1000;
console.log(
  JSON.stringify({
    ratePerSec: Math.round(r.ratePerSec),
    cpuCores: +(r.generatorCpuSeconds / seconds).toFixed(3),
    cpuPerRequestUs: +((r.generatorCpuSeconds * 1e6) / r.requests).toFixed(2),
    p50Us: r.overall.latency.percentilesUs['50'],
    errors: r.overall.errors,
    checks: r.checks,
  }),
);
