import { cpus } from 'node:os';
import { describe, expect, it } from 'vitest';
import { backgroundCpu, busyCores, machineCpu, parseProcStatCpu, stealCores, windowSeconds, type MachineCpuSample } from './machine-cpu';

/** A sample on a host with `cpus` CPUs at 100 ticks/s. */
const at = (busyTicks: number, totalTicks: number, cpuCount = 2, stealTicks = 0): MachineCpuSample => ({
  busyTicks,
  totalTicks,
  cpuCount,
  ticksPerSecond: 100,
  stealTicks,
});

describe('parseProcStatCpu', () => {
  it('counts user, nice, system, irq and softirq as busy; adds idle, iowait and steal to the total; ignores guest', () => {
    const text = 'cpu  100 10 50 800 20 5 15 7 30 3\ncpu0 50 5 25 400 10 2 8 3 15 1\ncpu1 50 5 25 400 10 3 7 4 15 2\nintr 1\n';
    expect(parseProcStatCpu(text, 100)).toEqual({ busyTicks: 180, totalTicks: 1007, cpuCount: 2, ticksPerSecond: 100, stealTicks: 7 });
  });
});

describe('backgroundCpu', () => {
  // 2 CPUs at 100 ticks/s: a 1 s window is 200 total ticks.
  it.each([
    ['idle machine', at(0, 0), at(0, 200), 0, 0],
    ['one core busy, none of it ours', at(0, 0), at(100, 200), 0, 1],
    ['one core busy, all of it ours', at(0, 0), at(100, 200), 1, 0],
    ['1.5 cores busy over 2 s, 1 CPU-s ours', at(1000, 5000), at(1300, 5400), 1, 1],
    ['roles read a hair above the ticks: clamped at 0', at(0, 0), at(50, 200), 0.52, 0],
    ['empty window', at(10, 10), at(10, 10), 0, 0],
  ])('%s', (_, before, after, rolesCpuSeconds, want) => {
    expect(backgroundCpu(before, after, rolesCpuSeconds)).toBeCloseTo(want, 10);
  });

  it.each([
    [at(0, 0), at(0, 200), 1, 0],
    [at(0, 0), at(100, 200), 1, 1],
    [at(0, 0, 4), at(400, 800, 4), 2, 2],
  ])('window and busy cores: %j → %j', (before, after, wantSeconds, wantCores) => {
    expect(windowSeconds(before, after)).toBeCloseTo(wantSeconds, 10);
    expect(busyCores(before, after)).toBeCloseTo(wantCores, 10);
  });
});

describe('stealCores', () => {
  it.each([
    ['no steal', at(0, 0), at(100, 200), 0],
    ['a quarter of a core stolen over 2 s on 2 CPUs', at(0, 0, 2, 0), at(100, 400, 2, 50), 0.25],
    ['empty window', at(10, 10, 2, 5), at(10, 10, 2, 5), 0],
  ])('%s', (_, before, after, want) => {
    expect(stealCores(before, after)).toBeCloseTo(want, 10);
  });
});

describe('machineCpu', () => {
  it('reads this host: one cpuN line per CPU, counters that never go backwards', async () => {
    const a = await machineCpu();
    const b = await machineCpu();
    expect(a.cpuCount).toBe(cpus().length);
    expect(b.totalTicks).toBeGreaterThanOrEqual(a.totalTicks);
    expect(b.busyTicks).toBeGreaterThanOrEqual(a.busyTicks);
  });
});
