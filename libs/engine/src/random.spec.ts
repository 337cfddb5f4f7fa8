import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

const draw = (seed: number, stream: number) => {
  const r = createRandom(seed, stream);
  return Array.from({ length: 20 }, () => r.int(1, 1000));
};

describe('createRandom', () => {
  it('is deterministic for a seed and stream', () => {
    expect(draw(42, 3)).toEqual(draw(42, 3));
  });

  it('gives different streams to different VUs and seeds', () => {
    expect(draw(42, 1)).not.toEqual(draw(42, 2));
    expect(draw(1, 1)).not.toEqual(draw(2, 1));
  });

  it('keeps int() within inclusive bounds and reaches both ends', () => {
    const r = createRandom(7);
    const seen = new Set(Array.from({ length: 2000 }, () => r.int(1, 5)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
