import { describe, expect, it } from 'vitest';
import { cellBoundMs, etaText, formatMs } from './bench-progress';

describe('cell time bounds and ETAs', () => {
  it('bounds a cell by every run at the cap, each with its warm-up, load and 3 s around them', () => {
    expect(cellBoundMs({ runs: { min: 3, max: 5 }, warmupMs: 5_000, runDurationMs: 30_000 })).toBe(5 * 38_000);
  });

  it('before a cell has finished, sums the bounds of the cells left; afterwards, their mean time', () => {
    expect(etaText(0, 0, [60_000, 130_000])).toBe(', ETA ≤ 3m10s');
    expect(etaText(2, 100_000, [1, 1, 1])).toBe(', ETA ≈ 2m30s');
  });

  it('formats durations as minutes and seconds', () => {
    expect(formatMs(42_400)).toBe('42s');
    expect(formatMs(65_000)).toBe('1m05s');
  });
});
