/**
 * Interleaved A/B of the native driver's own cost against the calibration server (node:http, a
 * 17-byte JSON body). The server runs on CPU 0, each measured run is a fresh process on CPU 1,
 * and the engines alternate run by run (A B A B …) so drift on a shared machine hits both alike.
 *
 *   git archive <old commit> libs/engine | tar -x -C tmp/base
 *   node --import tsx tools/native-bench/ab.ts --rounds 5 --duration 5000 --workload checks tmp/base/libs/engine/src libs/engine/src
 *
 * An engine is a directory holding an engine's src/index.ts, or `undici` for the floor: bare
 * `Pool.dispatch` calls with nothing recorded (undici-floor.ts). Prints one JSON line per run,
 * then per engine the median req/s and µs of generator CPU per request (the steadier figure
 * while other work shares the machine).
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { findFreePort } from '@lab/infra';
import { CALIBRATION_SERVER_JS } from '@lab/runner';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '5' },
    duration: { type: 'string', default: '5000' },
    vus: { type: 'string', default: '10' },
    workload: { type: 'string', default: 'bare' },
  },
});
const engines = positionals.length > 0 ? positionals : ['libs/engine/src'];
const port = String(await findFreePort());
const baseUrl = `http://127.0.0.1:${port}`;
const server = spawn('taskset', ['-c', '0', process.execPath, '-e', CALIBRATION_SERVER_JS], { env: { ...process.env, PORT: port }, stdio: 'inherit' });
let exited = false;
server.on('exit', () => (exited = true));
try {
  while (
    !(await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (exited) throw new Error('the calibration server exited before it answered');
    await sleep(50);
  }
  const runs: Record<string, { ratePerSec: number; cpuPerRequestUs: number }[]> = {};
  for (let round = 1; round <= Number(values.rounds); round++) {
    for (const engine of engines) {
      const load1 = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
      const script = engine === 'undici' ? ['tools/native-bench/undici-floor.ts'] : ['tools/native-bench/run-once.ts', engine];
      const args = ['-c', '1', process.execPath, '--import', 'tsx', ...script, baseUrl, values.vus, values.duration, values.workload];
      const out = JSON.parse(execFileSync('taskset', args, { encoding: 'utf8' }));
      (runs[engine] ??= []).push(out);
      console.log(JSON.stringify({ round, engine, workload: values.workload, load1: Number(load1), ...out }));
    }
  }
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = sorted.length / 2;
    return sorted.length % 2 ? (sorted[Math.floor(mid)] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  };
  const first = runs[engines[0] ?? ''] ?? [];
  for (const [engine, rs] of Object.entries(runs)) {
    // Paired by round: both runs of a round saw about the same background load.
    const ratios = rs.map((r, i) => r.cpuPerRequestUs / (first[i]?.cpuPerRequestUs ?? Number.NaN));
    const paired = engine === engines[0] ? '' : `; CPU per request vs ${engines[0]}, median of paired rounds: ×${median(ratios).toFixed(2)}`;
    console.log(
      `${engine}: median ${Math.round(median(rs.map((r) => r.ratePerSec)))} req/s, ${median(rs.map((r) => r.cpuPerRequestUs)).toFixed(2)} µs CPU per request (${rs.length} runs)${paired}`,
    );
  }
} finally {
  server.kill('SIGTERM');
}
