import { describe, expect, it } from 'vitest';
import { extrasLines } from './bench-summary';

describe('extrasLines', () => {
  it('prints the scenario figures sorted, and hides gate and generator bookkeeping', () => {
    const lines = extrasLines({
      'no-lock.lostUpdates': 168,
      'cache.hitRatio': 0.81234,
      'gate.passed': true,
      'generator.ceilingPerSec': 36018,
      'queriesPerRequest.n-plus-one.lazy': 21,
    });
    expect(
      lines.map((l) =>
        l
          .split(':')[0]!
          .replace(/[ .]+$/, '')
          .trim(),
      ),
    ).toEqual(['cache.hitRatio', 'no-lock.lostUpdates', 'queriesPerRequest.n-plus-one.lazy']);
    expect(lines[0]).toMatch(/: 0\.812$/);
    expect(lines[1]).toMatch(/: 168$/);
  });
});
