import type { HostFingerprint } from '@lab/results';
import { workloadOf, type ProfileCalibration } from '@lab/runner';
import type { Paint } from '../cli/paint';
import { textTable } from '../cli/text-table';

const num = (x: number) => Math.round(x).toLocaleString('en-US');
const cores = (x: number) => x.toFixed(2);
const ms = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us} µs`);

/**
 * The calibration for people: one row per setting (driver, workload, req/s, generator and
 * server CPU in cores, p50/p99, background CPU), then each driver's ceiling, bare and with
 * checks, or why it was not reached.
 */
export function renderCalibration(c: ProfileCalibration, host: HostFingerprint, path: string, paint: Paint): string[] {
  const rows = [
    ['driver', 'workload', 'conns', 'req/s', 'gen CPU', 'server CPU', 'p50', 'p99', 'background', 'quiet before', 'errors'],
    ...c.measurements.map((m) => [
      m.driver,
      workloadOf(m),
      String(m.connections),
      num(m.ratePerSec),
      cores(m.generatorCpuCores),
      cores(m.serverCpuCores),
      ms(m.p50Us),
      ms(m.p99Us),
      cores(m.backgroundCpuCores),
      m.quietBefore === undefined ? '-' : m.quietBefore ? 'yes' : 'no',
      num(m.errors),
    ]),
  ];
  const ceilings = c.ceilings.map((d) => {
    const head = d.status === 'generator-bound' ? paint.green(`${num(d.ceilingPerSec!)} req/s`) : paint.yellow(d.status);
    const name = workloadOf(d) === 'bare' ? d.driver : `${d.driver} + ${workloadOf(d)}`;
    return `  ${name.padEnd(16)} ${head}  ${d.note}`;
  });
  return [
    paint.bold(`Calibration — profile ${c.profile} (${c.mechanism}), ${host.cpuModel}, ${host.cores} cores, ${c.durationMs} ms per setting`),
    '  CPU in cores (1.00 = one core busy); the built-in server is node:http on the server role, the generator on the generator role.',
    "  workload: bare = GET /health, nothing read; checks = the same with 01-lightweight's check (status is 200).",
    '',
    ...textTable(rows),
    '',
    paint.bold('Ceilings (generator ≥ 85 % of its core):'),
    ...ceilings,
    '',
    `  saved: ${path}`,
  ];
}
