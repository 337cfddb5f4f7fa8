import { StatsError } from './errors';

/** A uniform pseudo-random source: each call returns a number in [0, 1). */
export type Random = () => number;

/**
 * Seeded PRNG: mulberry32 (Tommy Ettinger, 2017; a 32-bit state, Weyl-sequence increment
 * 0x6D2B79F5 followed by an xorshift-multiply output mix). Each output is an unsigned 32-bit
 * integer divided by 2^32, so values lie in [0, 1) on a 2^-32 grid. Not cryptographic; its
 * period is 2^32, plenty for 10^4–10^7 bootstrap draws.
 *
 * The same `seed` always yields the same sequence — this is the library's only source of
 * randomness, so every bootstrap is reproducible. `seed` must be an integer; it is taken
 * modulo 2^32.
 */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) {
    throw new StatsError('LAB_STATS_INVALID_OPTION', `seed must be an integer, got ${seed}`);
  }
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A uniform integer in [0, bound) from `random` (floor(u · bound); the bias is below
 * bound / 2^32, negligible for resampling indices).
 */
export function randomIndex(random: Random, bound: number): number {
  return Math.floor(random() * bound);
}
