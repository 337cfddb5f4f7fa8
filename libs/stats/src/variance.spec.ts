import { describe, expect, it } from 'vitest';
import { standardDeviation, variance } from './variance';
import { DESCRIPTIVE, expectClose } from './testing/reference-data';

describe('variance and standardDeviation (n − 1)', () => {
  it.each(DESCRIPTIVE)('$name matches statistics.variance / statistics.stdev', ({ values, variance: v, stdev }) => {
    expectClose(variance(values), v);
    expectClose(standardDeviation(values), stdev);
  });

  it('is exact for a large offset (no one-pass cancellation)', () => {
    // statistics.variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) == 30
    expect(variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])).toBe(30);
  });

  it('is 0 for a constant sample', () => {
    expect(variance([5, 5, 5])).toBe(0);
  });

  it('throws LAB_STATS_SAMPLE_TOO_SMALL for one value', () => {
    expect(() => variance([1])).toThrow(expect.objectContaining({ code: 'LAB_STATS_SAMPLE_TOO_SMALL' }));
  });
});
