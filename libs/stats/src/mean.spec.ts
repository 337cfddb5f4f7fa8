import { describe, expect, it } from 'vitest';
import { mean } from './mean';
import { DESCRIPTIVE, expectClose } from './testing/reference-data';

describe('mean', () => {
  it.each(DESCRIPTIVE)('$name matches statistics.mean', ({ values, mean: want }) => {
    expectClose(mean(values), want);
  });

  it('keeps precision where naive summation loses it', () => {
    // statistics.mean([1e16, 1, -1e16, 1]) == 0.5 (exact rational arithmetic); naive sum gives 0.
    expect(mean([1e16, 1, -1e16, 1])).toBe(0.5);
  });

  it('throws LAB_STATS_EMPTY_SAMPLE on []', () => {
    expect(() => mean([])).toThrow(expect.objectContaining({ code: 'LAB_STATS_EMPTY_SAMPLE' }));
  });
});
