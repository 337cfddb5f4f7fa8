import { describe, expect, it } from 'vitest';
import { logGamma, regularizedIncompleteBeta, studentTQuantile, studentTSf } from './student-t';
import { expectClose } from './testing/reference-data';
import { BETA_CASES, LOG_GAMMA_CASES, T_QUANTILES, T_TAILS } from './testing/t-reference';

describe("Student's t against SciPy", () => {
  it.each(T_QUANTILES)('t.ppf(%d, %d) = %d', (p, df, expected) => {
    expectClose(studentTQuantile(p, df), expected, 1e-9);
    expectClose(studentTQuantile(1 - p, df), -expected, 1e-9);
  });

  it.each(T_TAILS)('t.sf(%d, %d) = %d', (t, df, expected) => {
    expectClose(studentTSf(t, df), expected, 1e-9);
  });

  it.each(BETA_CASES)('betainc at x = %d, a = %d, b = %d', (x, a, b, expected) => {
    expectClose(regularizedIncompleteBeta(x, a, b), expected, 1e-10);
    expectClose(regularizedIncompleteBeta(1 - x, b, a), 1 - expected, 1e-10);
  });

  it.each(LOG_GAMMA_CASES)('gammaln(%d)', (x, expected) => {
    expectClose(logGamma(x), expected, 1e-12);
  });

  it('is symmetric with its median at 0 and its tails at ±∞', () => {
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTSf(0, 3)).toBeCloseTo(0.5, 14);
    expect(studentTSf(Infinity, 3)).toBe(0);
    expect(studentTSf(-Infinity, 3)).toBe(1);
  });

  it.each([
    () => studentTQuantile(1, 3),
    () => studentTQuantile(0, 3),
    () => studentTQuantile(0.9, 0),
    () => studentTSf(1, Number.NaN),
    () => regularizedIncompleteBeta(1.5, 1, 1),
  ])('rejects out-of-range arguments (%#)', (call) => {
    expect(call).toThrow(expect.objectContaining({ code: 'LAB_STATS_INVALID_OPTION' }));
  });
});
