import { describe, expect, it } from 'vitest';
import { coefficientOfVariation } from './coefficient-of-variation';
import { DESCRIPTIVE, expectClose } from './testing/reference-data';

describe('coefficientOfVariation', () => {
  it.each(DESCRIPTIVE)('$name matches scipy.stats.variation(ddof=1)', ({ values, cv }) => {
    expectClose(coefficientOfVariation(values), cv);
  });

  it.each([
    [[1], 'LAB_STATS_SAMPLE_TOO_SMALL'],
    [[-1, 1], 'LAB_STATS_ZERO_DENOMINATOR'],
  ])('coefficientOfVariation(%j) throws %s', (xs, code) => {
    expect(() => coefficientOfVariation(xs)).toThrow(expect.objectContaining({ code }));
  });
});
