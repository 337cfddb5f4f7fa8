import { describe, expect, it } from 'vitest';
import { median } from './median';
import { DESCRIPTIVE } from './testing/reference-data';

describe('median', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])('median(%j) = %d', (xs, want) => expect(median(xs)).toBe(want));

  it.each(DESCRIPTIVE)('$name matches statistics.median', ({ values, median: want }) => {
    expect(median(values)).toBe(want);
  });

  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it.each([
    [[], 'LAB_STATS_EMPTY_SAMPLE'],
    [[1, NaN], 'LAB_STATS_NON_FINITE'],
    [[1, Infinity], 'LAB_STATS_NON_FINITE'],
  ])('median(%j) throws %s', (xs, code) => {
    expect(() => median(xs)).toThrow(expect.objectContaining({ code }));
  });
});
