import { createRandom } from '../random';

/**
 * n draws from N(mu, sigma²) by the Box–Muller transform over the seeded mulberry32 source —
 * a known distribution for the bootstrap coverage tests. Test-only.
 */
export function normalSample(n: number, mu: number, sigma: number, seed: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => {
    const u1 = 1 - random(); // (0, 1], so the log is finite
    const u2 = random();
    return mu + sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  });
}
