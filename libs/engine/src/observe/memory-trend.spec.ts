import { describe, expect, it } from 'vitest';
import { type MemorySample, assessMemoryTrend, theilSenSlope } from './memory-trend';

const MiB = 1024 * 1024;
/** One sample a second for `n` seconds from f(second). */
const series = (n: number, f: (s: number) => number): MemorySample[] => Array.from({ length: n }, (_, s) => ({ atMs: s * 1000, rssBytes: f(s) }));

describe('theilSenSlope', () => {
  it('recovers the slope of a line and ignores a few wild outliers', () => {
    const line = series(50, (s) => 100 * MiB + s * 1000);
    expect(theilSenSlope(line)).toBeCloseTo(1, 9); // 1000 bytes per 1000 ms
    const spiky = line.map((p, i) => (i % 10 === 3 ? { ...p, rssBytes: p.rssBytes + 500 * MiB } : p));
    expect(theilSenSlope(spiky)).toBeCloseTo(1, 6);
  });
  it('is null with fewer than two points', () => {
    expect(theilSenSlope([{ atMs: 0, rssBytes: 1 }])).toBeNull();
  });
});

describe('assessMemoryTrend', () => {
  it.each([
    ['a steady climb of 1 MiB/s over 5 min', series(300, (s) => 80 * MiB + s * MiB), 'leak'],
    ['growth to a plateau during warm-up', series(300, (s) => 80 * MiB + Math.min(s, 40) * MiB), 'stable'],
    ['a GC sawtooth around a flat level', series(300, (s) => 120 * MiB + (s % 30) * MiB), 'stable'],
    ['a slow climb below the 16 MiB floor', series(300, (s) => 80 * MiB + s * 30_000), 'stable'],
    ['one late spike', series(300, (s) => (s === 290 ? 400 * MiB : 100 * MiB)), 'stable'],
  ] as const)('%s → %s', (_name, samples, verdict) => {
    expect(assessMemoryTrend(samples).verdict).toBe(verdict);
  });

  it('reports slope, levels and growth of the judged window', () => {
    const t = assessMemoryTrend(
      series(100, (s) => 50 * MiB + s * MiB),
      { warmupFraction: 0 },
    );
    expect(t.samples).toBe(100);
    expect(t.slopeBytesPerMin).toBeCloseTo(60 * MiB, 0);
    expect(t.growthBytes).toBeCloseTo(99 * MiB, 0);
    expect(t.endBytes! - t.startBytes!).toBe(75 * MiB);
  });

  it('needs at least 8 samples after the warm-up', () => {
    expect(assessMemoryTrend(series(8, () => MiB)).verdict).toBe('insufficient-data');
  });
});
