import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOADGEN_PATH } from '@lab/engine';
import { runLab } from '../testing/fixture-workspace';

const errorCode = (stderr: string) => /^error\[([A-Z_]+)\]/m.exec(stderr)?.[1];

describe('lab calibrate (subprocess)', () => {
  const cache = mkdtempSync(join(tmpdir(), 'lab-calibrate-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));
  const env = { LAB_CACHE_DIR: cache, LAB_BENCH_LOCK: join(cache, 'bench.lock') };

  // Shape only: the machine is shared, so no figure is asserted.
  it('measures every driver × connection count, derives a verdict per driver and saves the file', async () => {
    const run = await runLab(['calibrate', '--duration', '1s', '--quiet-timeout', '0', '--json'], env);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.path).toMatch(new RegExp(`^${cache}/calibration-[0-9a-f]{12}\\.json$`));
    expect(existsSync(out.path)).toBe(true);
    const wrk = existsSync('/usr/bin/wrk');
    // The Go generator is built on first use when Go is there.
    const loadgen = existsSync(DEFAULT_LOADGEN_PATH) || spawnSync('go', ['version']).status === 0;
    const settings = out.calibration.measurements.map(
      (m: { driver: string; workload: string; connections: number }) => `${m.driver} ${m.workload} ${m.connections}`,
    );
    expect(settings).toEqual([
      'native bare 10',
      'native bare 50',
      'native checks 10',
      'native checks 50',
      ...(wrk ? ['wrk bare 10', 'wrk bare 50'] : []),
      ...(loadgen ? ['loadgen bare 10', 'loadgen bare 50'] : []),
    ]);
    for (const m of out.calibration.measurements) {
      for (const key of ['ratePerSec', 'generatorCpuCores', 'serverCpuCores', 'backgroundCpuCores', 'p50Us', 'p99Us']) expect(m[key]).toBeTypeOf('number');
    }
    const ceilings = out.calibration.ceilings.map((c: { driver: string; workload: string }) => `${c.driver} ${c.workload}`);
    expect(ceilings).toEqual(['native bare', 'native checks', 'wrk bare', 'loadgen bare']);
    for (const c of out.calibration.ceilings) expect(['generator-bound', 'server-bound', 'inconclusive', 'skipped']).toContain(c.status);
    expect(run.stderr).toMatch(/calibrate \[1\/\d\] native, 10 connections/);
    expect(run.stderr).toMatch(/calibrate \[3\/\d\] native with checks, 10 connections/);
  }, 120_000);

  it.each([
    ['a bad driver', ['--driver', 'k6'], 'LAB_USAGE_BAD_VALUE'],
    ['an unknown profile', ['--profile', 'huge'], 'LAB_USAGE_BAD_VALUE'],
  ])('%s is a usage error (exit 2)', async (_name, args, code) => {
    const run = await runLab(['calibrate', ...args], env);
    expect([run.code, errorCode(run.stderr)]).toEqual([2, code]);
  });
});
