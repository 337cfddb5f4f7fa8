import { describe, expect, it } from 'vitest';
import { createRandom, randomIndex } from './random';

// Reference: an independent Python port of the published mulberry32 (with explicit 32-bit
// masking), run with Python 3.11; print([repr(r()) for _ in range(4)]) for r = mulberry32(seed):
//   def mulberry32(seed):
//       a = seed & 0xFFFFFFFF
//       def nxt():
//           nonlocal a
//           a = (a + 0x6D2B79F5) & 0xFFFFFFFF
//           t = ((a ^ (a >> 15)) * (a | 1)) & 0xFFFFFFFF
//           t = (t ^ ((t + (((t ^ (t >> 7)) * (t | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF)) & 0xFFFFFFFF
//           return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296
//       return nxt
const REFERENCE: [number, number[]][] = [
  [0, [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197, 0.1462021479383111]],
  [42, [0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693]],
  [2 ** 32 - 1, [0.8964226141106337, 0.189478256739676, 0.7156526781618595, 0.9440599093213677]],
];

describe('createRandom (mulberry32)', () => {
  it.each(REFERENCE)('seed %d matches the Python reference', (seed, want) => {
    const random = createRandom(seed);
    expect(want.map(() => random())).toEqual(want);
  });

  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 100 }, createRandom(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('stays in [0, 1) with a mean near 1/2', () => {
    const random = createRandom(1);
    const xs = Array.from({ length: 100_000 }, () => random());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.005);
  });

  it('rejects a non-integer seed', () => {
    expect(() => createRandom(1.5)).toThrow(expect.objectContaining({ code: 'LAB_STATS_INVALID_OPTION' }));
  });

  it('randomIndex covers every index of a small range', () => {
    const random = createRandom(3);
    const seen = new Set(Array.from({ length: 1000 }, () => randomIndex(random, 5)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
