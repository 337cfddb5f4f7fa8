import { describe, expect, it } from 'vitest';
import { settlingTime } from './settling-time';

describe('settlingTime', () => {
  it.each([
    // A JIT warming up: 60 %, 80 %, 95 % of the final rate, then steady at 1000 ± 1 %.
    ['a ramp that settles at second 3', [600, 800, 950, 995, 1004, 998, 1001, 1000, 1003, 999, 1000, 1002], {}, 3],
    ['a series steady from the start', [1000, 1010, 990, 1005, 995, 1000], {}, 0],
    ['a late dip resets the settling point', [600, 1000, 1000, 1000, 900, 1000, 1000, 1000], {}, 5],
    ['a wider band accepts the dip', [600, 1000, 1000, 1000, 900, 1000, 1000, 1000], { band: 0.12 }, 1],
    ['boundary: exactly 2 % off is inside', [500, 980, 1020, 1000, 1000, 1000], {}, 1],
  ] as const)('%s', (_name, series, options, want) => {
    expect(settlingTime(series, options).settledAtSecond).toBe(want);
  });

  it('takes the final level as the median of the last quarter (at least 3 seconds)', () => {
    const s = settlingTime([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 100]);
    expect(s.finalSeconds).toBe(3);
    expect(s.finalLevel).toBe(11);
    expect(s.seconds).toBe(12);
    expect(settlingTime(Array.from({ length: 40 }, (_, i) => i + 1)).finalSeconds).toBe(10);
  });

  it('returns null when the last second is outside the band (not steady)', () => {
    expect(settlingTime([1000, 1000, 1000, 1000, 1000, 1100]).settledAtSecond).toBeNull();
  });

  it('a moving median ignores one noisy second that would otherwise reset the settling point', () => {
    const series = [500, 700, 1000, 1000, 1000, 1000, 1000, 800, 1000, 1000, 1000, 1000];
    expect(settlingTime(series).settledAtSecond).toBe(8);
    expect(settlingTime(series, { smoothSeconds: 3 }).settledAtSecond).toBe(2);
  });

  it('honours an explicit final window', () => {
    // With the last 2 seconds the final level is 1200, so only those are inside.
    expect(settlingTime([1000, 1000, 1000, 1000, 1200, 1200], { finalSeconds: 2 })).toMatchObject({ finalLevel: 1200, settledAtSecond: 4 });
  });

  it.each([
    [[], {}, 'LAB_STATS_EMPTY_SAMPLE'],
    [[1, Number.NaN], {}, 'LAB_STATS_NON_FINITE'],
    [[1, 2], { band: 0 }, 'LAB_STATS_INVALID_OPTION'],
    [[1, 2], { band: 1 }, 'LAB_STATS_INVALID_OPTION'],
    [[1, 2], { finalSeconds: 3 }, 'LAB_STATS_INVALID_OPTION'],
    [[1, 2], { smoothSeconds: 2 }, 'LAB_STATS_INVALID_OPTION'],
    [[5, 0, 0, 0], {}, 'LAB_STATS_ZERO_DENOMINATOR'],
  ] as const)('settlingTime(%j, %j) throws %s', (series, options, code) => {
    expect(() => settlingTime(series, options)).toThrow(expect.objectContaining({ code }));
  });
});
