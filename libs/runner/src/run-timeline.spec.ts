import { describe, expect, it } from 'vitest';
import { toRunTimeline } from './run-timeline';
import type { RoleSampling } from './sample-roles';

const point = (second: number, requests: number, p50Us: number, p99Us: number, errors = 0) => ({ second, requests, errors, p50Us, p99Us });

/** Samples at the given times (ms) with the server's CPU-seconds and RSS, and the generator's where given. */
function sampling(rows: [atMs: number, serverCpu: number, serverRss: number, generatorCpu?: number][]): RoleSampling {
  return {
    samples: rows.map(([atMs, cpuSeconds, rssBytes, generatorCpu]) => ({
      atMs,
      roles: { server: { cpuSeconds, rssBytes }, ...(generatorCpu !== undefined ? { generator: { cpuSeconds: generatorCpu, rssBytes: 40_000_000 } } : {}) },
    })),
    busyMs: 3,
  };
}

describe('toRunTimeline', () => {
  it('keeps the whole seconds of the window, fills seconds the driver has no entry for, and drops the partial last one', () => {
    const t = toRunTimeline(3_400, [point(0, 900, 700, 2100), point(2, 1000, 600, 1900, 2), point(3, 300, 650, 2000)], undefined);
    expect(t).toEqual({
      seconds: 3,
      requests: [900, 0, 1000],
      errors: [0, 0, 2],
      p50Us: [700, null, 600],
      p99Us: [2100, null, 1900],
      cpuCores: {},
      rssBytes: {},
    });
  });

  it('turns CPU-seconds between the samples nearest each boundary into cores (0.01), and takes RSS at the end of each second', () => {
    // Samples drift a little from the boundaries; second 1's samples are 1.05 s apart.
    const t = toRunTimeline(
      2_000,
      [],
      sampling([
        [3, 10, 50_000_000],
        [1_010, 10.9, 51_000_000, 1.2],
        [2_060, 11.845, 52_000_000, 1.5],
      ]),
    );
    expect(t).toEqual({
      seconds: 2,
      cpuCores: { generator: [null, 0.29], server: [0.89, 0.9] },
      rssBytes: { generator: [40_000_000, 40_000_000], server: [51_000_000, 52_000_000] },
    });
  });

  it('leaves a second null when no sample lies near one of its boundaries (a skipped round)', () => {
    const t = toRunTimeline(
      3_000,
      undefined,
      sampling([
        [0, 0, 1],
        [1_000, 0.5, 2],
        [3_000, 1.5, 4],
      ]),
    );
    expect(t?.cpuCores.server).toEqual([0.5, null, null]);
    expect(t?.rssBytes.server).toEqual([2, null, 4]);
  });

  it.each<[string, number, ReturnType<typeof point>[], RoleSampling | undefined]>([
    ['shorter than a second', 900, [point(0, 5, 1, 1)], undefined],
    ['without traffic or samples', 5_000, [], { samples: [null], busyMs: 0 }],
  ])('gives no timeline for a run %s', (_name, durationMs, traffic, roles) => {
    expect(toRunTimeline(durationMs, traffic, roles)).toBeUndefined();
  });
});
