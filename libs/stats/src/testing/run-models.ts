import { createRandom, type Random } from '../random';

/**
 * Models of per-run figures (e.g. requests per second) for the coverage and false-difference
 * simulations, each with the value a cell's interval should cover. Test-only.
 */
export interface RunModel {
  readonly name: string;
  /** The typical value the runs scatter around (what an interval must cover). */
  readonly truth: number;
  /** n runs; `position(i)` is the run's place in the session (interleaved cells share the drift). */
  draw(n: number, random: Random, position?: (i: number) => number): number[];
}

function gaussian(random: Random): number {
  const u1 = 1 - random(); // (0, 1], so the log is finite
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random());
}

const TRUTH = 10_000;

/** The run models the simulations use: normal and log-normal scatter, heavy scatter, a drift. */
export const RUN_MODELS: readonly RunModel[] = [
  {
    name: 'normal, CV 5 %',
    truth: TRUTH,
    draw: (n, random) => Array.from({ length: n }, () => TRUTH * (1 + 0.05 * gaussian(random))),
  },
  {
    name: 'log-normal, σ 0.03',
    truth: TRUTH, // the median (= geometric mean) of a log-normal
    draw: (n, random) => Array.from({ length: n }, () => TRUTH * Math.exp(0.03 * gaussian(random))),
  },
  {
    name: 'log-normal, σ 0.15',
    truth: TRUTH,
    draw: (n, random) => Array.from({ length: n }, () => TRUTH * Math.exp(0.15 * gaussian(random))),
  },
  {
    // The host slows down linearly by 8 % across the session, with 2 % scatter per run. The
    // truth is the level at the middle of the session (the mean of the levels).
    name: 'drifting mean, −8 % over the session',
    truth: TRUTH,
    draw: (n, random, position = (i) => (n === 1 ? 0.5 : i / (n - 1))) =>
      Array.from({ length: n }, (_, i) => TRUTH * (1.04 - 0.08 * position(i)) * (1 + 0.02 * gaussian(random))),
  },
];

/** Runs `trials` seeded experiments and returns the fraction for which `hit` was true. */
export function simulate(seed: number, trials: number, hit: (random: Random) => boolean): number {
  const random = createRandom(seed);
  let hits = 0;
  for (let t = 0; t < trials; t++) if (hit(random)) hits++;
  return hits / trials;
}
