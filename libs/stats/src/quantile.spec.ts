import { describe, expect, it } from 'vitest';
import { quantile, quantiles } from './quantile';
import { DESCRIPTIVE, PROBABILITIES, expectClose } from './testing/reference-data';

describe('quantile (Hyndman–Fan type 7)', () => {
  describe.each(DESCRIPTIVE)('$name', ({ values, quantiles: want, quartilesInclusive }) => {
    it.each(PROBABILITIES.map((p, i) => [p, want[i]!]))('Q(%d) matches numpy.quantile(method=linear)', (p, q) => {
      expectClose(quantile(values, p), q);
    });

    it('quartiles match statistics.quantiles(n=4, method=inclusive)', () => {
      quantiles(values, [0.25, 0.5, 0.75]).forEach((q, i) => {
        expectClose(q, quartilesInclusive[i]!);
      });
    });
  });

  it('of one value is that value for every p', () => {
    expect(quantiles([4], [0, 0.3, 1])).toEqual([4, 4, 4]);
  });

  it.each([-0.1, 1.5, NaN])('rejects probability %d', (p) => {
    expect(() => quantile([1, 2], p)).toThrow(expect.objectContaining({ code: 'LAB_STATS_INVALID_OPTION' }));
  });

  it('throws LAB_STATS_EMPTY_SAMPLE on []', () => {
    expect(() => quantile([], 0.5)).toThrow(expect.objectContaining({ code: 'LAB_STATS_EMPTY_SAMPLE' }));
  });
});
