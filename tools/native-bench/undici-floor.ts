/**
 * The floor under the native driver: a closed loop of bare `Pool.dispatch` calls (no recording,
 * no checks, no iteration code), printed as one JSON line like run-once.ts. What the driver
 * spends above this is its own cost.
 * Usage: node --import tsx tools/native-bench/undici-floor.ts <baseUrl> <vus> <durationMs>
 */
import { Pool } from 'undici';

const [baseUrl = '', vus = '10', durationMs = '5000'] = process.argv.slice(2);
const pool = new Pool(baseUrl, { connections: Number(vus), pipelining: 1, keepAliveTimeout: 30_000 });
const handler = (done: () => void) => ({
  onConnect() {},
  onHeaders: () => true,
  onData: () => true,
  onComplete: done,
  onError: done,
});
const once = () =>
  new Promise<void>((resolve) => pool.dispatch({ method: 'GET', path: '/health', headersTimeout: 60_000, bodyTimeout: 60_000 }, handler(resolve)));

async function run(ms: number) {
  let requests = 0;
  let stop = false;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const loop = async () => {
    while (!stop) {
      await once();
      requests++;
    }
  };
  const loops = Array.from({ length: Number(vus) }, loop);
  await new Promise((r) => setTimeout(r, ms));
  stop = true;
  await Promise.all(loops);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    ratePerSec: Math.round(requests / seconds),
    cpuCores: +(cpuSeconds / seconds).toFixed(3),
    cpuPerRequestUs: +((cpuSeconds * 1e6) / requests).toFixed(2),
  };
}

await run(1_000);
console.log(JSON.stringify(await run(Number(durationMs))));
await pool.destroy();
