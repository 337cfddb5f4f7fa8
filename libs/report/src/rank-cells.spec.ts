import { describe, expect, it } from 'vitest';
import { compareRates } from './rank-cells';

describe('compareRates (ratio CI of medians vs 1)', () => {
  it.each([
    ['clearly faster', [110, 112, 111, 113, 109], [100, 101, 99, 100, 102], 1],
    ['clearly slower', [90, 91, 89, 90, 92], [100, 101, 99, 100, 102], -1],
    ['overlapping runs: tie', [100, 103, 98, 101, 99], [101, 99, 102, 100, 98], 0],
    ['three runs each, all of a above all of b', [105, 106, 107], [100, 101, 102], 1],
  ])('%s', (_, a, b, expected) => {
    expect(compareRates(a, b)).toBe(expected);
  });
});
