/** A deterministic pseudo-random generator (sfc32), seeded per VU for reproducible data. */
export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive (like k6's `randomIntBetween`). */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A random lowercase alphanumeric string of `length` characters. */
  string(length: number): string;
}

function hash32(seed: number, salt: number): number {
  // splitmix32-style mixing so nearby seeds (VU 1, VU 2) give unrelated streams.
  let h = (seed ^ Math.imul(salt + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad);
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
  return (h ^ (h >>> 15)) >>> 0;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Creates a generator from a seed and an optional stream number (e.g. the VU id). */
export function createRandom(seed: number, stream = 0): Random {
  let a = hash32(seed, stream);
  let b = hash32(seed, stream + 1);
  let c = hash32(seed, stream + 2);
  let d = 1;
  const next = (): number => {
    // sfc32 (Chris Doty-Humphrey, PractRand): 128-bit state, passes BigCrush.
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    string: (length) => {
      let out = '';
      for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(next() * ALPHABET.length)];
      return out;
    },
  };
}
