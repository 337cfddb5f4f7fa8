import { describe, expect, it } from 'vitest';
import { medianAbsoluteDeviation } from './median-absolute-deviation';
import { DESCRIPTIVE, expectClose } from './testing/reference-data';

describe('medianAbsoluteDeviation', () => {
  it.each(DESCRIPTIVE)('$name matches scipy.stats.median_abs_deviation', ({ values, mad, madNormal }) => {
    expectClose(medianAbsoluteDeviation(values), mad);
    expectClose(medianAbsoluteDeviation(values, { scale: 'normal' }), madNormal);
  });

  it('ignores one wild outlier', () => {
    expect(medianAbsoluteDeviation([10, 11, 12, 13, 1e6])).toBe(1);
  });

  it.each([0, -1, NaN])('rejects scale %d', (scale) => {
    expect(() => medianAbsoluteDeviation([1, 2], { scale })).toThrow(expect.objectContaining({ code: 'LAB_STATS_INVALID_OPTION' }));
  });
});
