import { describe, expect, it } from 'vitest';
import { mannWhitneyU } from './mann-whitney';
import { MANN_WHITNEY_CASES } from './testing/mann-whitney-reference';
import { expectClose } from './testing/reference-data';

const ALTERNATIVES = ['two-sided', 'less', 'greater'] as const;

describe('mannWhitneyU against scipy.stats.mannwhitneyu', () => {
  describe.each(MANN_WHITNEY_CASES)('$name', (c) => {
    it.each(ALTERNATIVES)('auto, %s', (alternative) => {
      const r = mannWhitneyU(c.a, c.b, { alternative });
      expect(r.u).toBe(c.u);
      expect(r.method).toBe(c.autoMethod);
      expectClose(r.pValue, c.auto[alternative], 1e-10);
    });

    it('two-sided without continuity correction', () => {
      expectClose(mannWhitneyU(c.a, c.b, { continuity: false }).pValue, c.noContinuity, 1e-10);
    });

    it('two-sided asymptotic', () => {
      expectClose(mannWhitneyU(c.a, c.b, { method: 'asymptotic' }).pValue, c.asymptotic, 1e-10);
    });
  });

  it.each(MANN_WHITNEY_CASES.filter((c) => c.exact !== undefined))('$name, two-sided exact', (c) => {
    expectClose(mannWhitneyU(c.a, c.b, { method: 'exact' }).pValue, c.exact!, 1e-10);
  });

  it('reports U / (nA·nB) as the probability of superiority', () => {
    const r = mannWhitneyU([1, 2, 3], [4, 5]);
    expect(r.u).toBe(0);
    expect(r.probabilityOfSuperiority).toBe(0);
    expect(r.hasTies).toBe(false);
  });

  it('gives p = 1 for identical constant samples (scipy: U=6, p=1.0)', () => {
    const r = mannWhitneyU([5, 5, 5], [5, 5, 5, 5]);
    expect(r.u).toBe(6);
    expect(r.pValue).toBe(1);
  });

  it('refuses the exact method with ties', () => {
    expect(() => mannWhitneyU([1, 2], [2, 3], { method: 'exact' })).toThrow(expect.objectContaining({ code: 'LAB_STATS_INVALID_OPTION' }));
  });

  it('throws LAB_STATS_EMPTY_SAMPLE for an empty sample', () => {
    expect(() => mannWhitneyU([], [1])).toThrow(expect.objectContaining({ code: 'LAB_STATS_EMPTY_SAMPLE' }));
  });
});
