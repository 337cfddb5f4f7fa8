import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from './random';
import { spreadComponents } from './spread-components';

function gaussian(random: Random): number {
  const u1 = 1 - random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random());
}

/** Twin runs: a common part per round (σ_c) and an independent part per run (σ_e), optional drift per round. */
function twins(seed: number, rounds: number, sigmaCommon: number, sigmaRun: number, drift = 0): [number[], number[]] {
  const random = createRandom(seed);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const level = 5 + drift * i + sigmaCommon * gaussian(random);
    a.push(Math.exp(level + sigmaRun * gaussian(random)));
    b.push(Math.exp(level + sigmaRun * gaussian(random)));
  }
  return [a, b];
}

describe('spreadComponents (twin runs of one cell)', () => {
  it('recovers a spread that the rounds share', () => {
    const s = spreadComponents(...twins(11, 2000, 0.03, 0.01));
    expect(s.common).toBeCloseTo(0.03, 2);
    expect(s.perRun).toBeCloseTo(0.01, 2);
    expect(s.commonShare).toBeGreaterThan(0.85);
    expect(s.total).toBeCloseTo(Math.hypot(0.03, 0.01), 2);
  });

  it('recovers a spread that every run has on its own', () => {
    const s = spreadComponents(...twins(12, 2000, 0, 0.02));
    expect(s.perRun).toBeCloseTo(0.02, 2);
    expect(s.commonShare).toBeLessThan(0.05);
  });

  it('measures a steady drift per round', () => {
    const s = spreadComponents(...twins(13, 50, 0, 0.005, -0.002));
    expect(s.driftPerRound).toBeCloseTo(-0.002, 3);
    expect(s.commonShare).toBeGreaterThan(0.9); // a drift is shared by both runs of a round
  });

  it('says what it needs', () => {
    expect(() => spreadComponents([1, 2], [1, 2])).toThrow(expect.objectContaining({ code: 'LAB_STATS_SAMPLE_TOO_SMALL' }));
    expect(() => spreadComponents([1, 2, 3], [1, 2, 3, 4])).toThrow(/same number of rounds/);
    expect(() => spreadComponents([1, 2, 0], [1, 2, 3])).toThrow(/positive/);
  });
});
