import { describe, expect, it } from 'vitest';
import { isPrecise, relativeHalfWidth } from './precision';

describe('isPrecise and relativeHalfWidth', () => {
  it.each([
    // [estimate, low, high, relative half-width, precise at the default 2 %]
    [100, 99, 101, 0.01, true],
    [100, 98, 102, 0.02, true],
    [100, 99.5, 102.5, 0.025, false], // asymmetric: the longer side decides
    [-100, -101, -99, 0.01, true],
    [5, 5, 5, 0, true],
    [0, -1, 1, Infinity, false],
  ])('estimate %d in [%d, %d] → ±%d, precise %s', (estimate, low, high, rel, precise) => {
    expect(relativeHalfWidth({ estimate, low, high })).toBeCloseTo(rel, 12);
    expect(isPrecise({ estimate, low, high })).toBe(precise);
  });

  it('takes the target as a fraction', () => {
    expect(isPrecise({ estimate: 100, low: 96, high: 104 }, 0.05)).toBe(true);
    expect(isPrecise({ estimate: 100, low: 96, high: 104 }, 0.03)).toBe(false);
  });

  it.each([0, -0.02, NaN])('rejects target %d', (target) => {
    expect(() => isPrecise({ estimate: 1, low: 1, high: 1 }, target)).toThrow(expect.objectContaining({ code: 'LAB_STATS_INVALID_OPTION' }));
  });
});
