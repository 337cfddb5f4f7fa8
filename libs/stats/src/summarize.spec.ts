import { describe, expect, it } from 'vitest';
import { summarize } from './summarize';
import { DESCRIPTIVE, expectClose } from './testing/reference-data';

describe('summarize', () => {
  it.each(DESCRIPTIVE)('$name matches the Python references', (ref) => {
    const s = summarize(ref.values);
    expect(s.n).toBe(ref.values.length);
    expectClose(s.mean, ref.mean);
    expect(s.median).toBe(ref.median);
    expectClose(s.stdev!, ref.stdev);
    expectClose(s.cv!, ref.cv);
    expectClose(s.mad, ref.mad);
    expect(s.min).toBe(Math.min(...ref.values));
    expect(s.max).toBe(Math.max(...ref.values));
  });

  it('reports null dispersion for a single value', () => {
    expect(summarize([42])).toEqual({ n: 1, mean: 42, median: 42, stdev: null, cv: null, mad: 0, min: 42, max: 42 });
  });

  it('throws LAB_STATS_EMPTY_SAMPLE on []', () => {
    expect(() => summarize([])).toThrow(expect.objectContaining({ code: 'LAB_STATS_EMPTY_SAMPLE' }));
  });
});
