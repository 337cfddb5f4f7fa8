import { describe, expect, it } from 'vitest';
import { rankCells } from './rank-cells';
import type { CellSummary } from './report-model';

/** A valid, gated, standard-preset cell of 01-lightweight with these run rates. */
function cell(implementation: string, rates: number[], over: Partial<CellSummary> = {}): CellSummary {
  const variant = over.variant ?? 'default';
  const c = {
    implementation,
    variant,
    label: variant === 'default' ? implementation : `${implementation} (${variant})`,
    scenario: '01-lightweight',
    profile: 'default-2core',
    hostId: 'h',
    hostClass: 'cpu ×2',
    driver: 'native',
    preset: 'standard',
    gated: true,
    verdict: 'valid',
    reasons: [],
    runs: rates.length,
    runRatesPerSec: rates,
    ratePerSec: { estimate: rates[0]!, low: rates[0]!, high: rates[0]!, kind: 'ci', confidence: 0.95 },
    extras: {},
    ...over,
  } as unknown as CellSummary;
  return { ...c, key: [c.implementation, c.variant, c.scenario, c.profile, c.hostId, c.driver, c.preset].join('|') };
}

const byLabel = (cells: CellSummary[]) => Object.fromEntries(cells.map((c) => [c.label, c]));

describe('rankCells (Welch on log rates, Holm over the table)', () => {
  it('ranks clearly different cells and ties overlapping ones', () => {
    const ranked = byLabel(
      rankCells([
        cell('fast', [110, 112, 111, 113, 109]),
        cell('slow', [90, 91, 89, 90, 92]),
        cell('a', [100, 103, 98, 101, 99]),
        cell('b', [101, 99, 102, 100, 98]),
      ]),
    );
    expect(ranked.fast!.standing).toMatchObject({ rank: 1, tiedWith: [] });
    expect(ranked.a!.standing).toMatchObject({ rank: 2, tiedWith: ['b'] });
    expect(ranked.b!.standing).toMatchObject({ rank: 2, tiedWith: ['a'] });
    expect(ranked.slow!.standing.rank).toBe(4);
  });

  it('ranks 3 runs per cell when every run of one beats every run of the other by a margin', () => {
    const ranked = byLabel(rankCells([cell('a', [105, 106, 107]), cell('b', [100, 101, 102])]));
    expect([ranked.a!.standing.rank, ranked.b!.standing.rank]).toEqual([1, 2]);
  });

  it.each<[string, Partial<CellSummary>, RegExp]>([
    ['ungated', { gated: false }, /--skip-gate/],
    ['gate unknown (schema 1)', { gated: null }, /gate was not recorded/],
    ['quick preset', { preset: 'quick' }, /quick preset: indicative/],
    ['2 runs', { runs: 2, runRatesPerSec: [50, 51] }, /2 runs: indicative, not ranked/],
    ['invalid', { verdict: 'generator-bound', reasons: ['generator at 95 %'] }, /generator-bound: generator at 95 %/],
  ])('lists but never ranks a cell that is %s', (_, over, because) => {
    const ranked = byLabel(rankCells([cell('x', [10, 11, 12], over), cell('y', [100, 101, 102])]));
    expect(ranked.x!.standing).toMatchObject({ rank: null });
    expect(ranked.x!.standing.unrankedBecause).toMatch(because);
    expect(ranked.y!.standing).toMatchObject({ rank: 1, tiedWith: [] });
  });

  it.each<[string, Partial<CellSummary>]>([
    ['driver', { driver: 'wrk' }],
    ['preset', { preset: 'suite' }],
    ['host class', { hostClass: 'other ×2', hostId: 'h2' }],
    ['profile', { profile: 'original' }],
  ])('never compares cells of another %s', (_, over) => {
    const ranked = byLabel(rankCells([cell('x', [10, 11, 12], over), cell('y', [100, 101, 102])]));
    expect(ranked.x!.standing).toMatchObject({ rank: 1, tiedWith: [] });
    expect(ranked.y!.standing).toMatchObject({ rank: 1, tiedWith: [] });
  });

  it('ranks variants only against their implementation, in a variant table', () => {
    const ranked = byLabel(rankCells([cell('node', [100, 101, 102]), cell('node', [190, 191, 192], { variant: 'cluster-2' }), cell('go', [150, 151, 152])]));
    expect(ranked['node (cluster-2)']!.standing.rank).toBeNull();
    expect(ranked['node (cluster-2)']!.variantStanding).toMatchObject({ rank: 1 });
    expect(ranked.node!.variantStanding).toMatchObject({ rank: 2 });
    expect(ranked.go!.standing.rank).toBe(1);
    expect(ranked.go!.variantStanding).toBeNull();
    expect(ranked.node!.standing.rank).toBe(2);
  });

  it('corrects for the number of pairs: a difference one pair alone would show is a tie in a large table', () => {
    // p ≈ 0.02 for this pair alone: different on its own, not after Holm over 21 pairs.
    const a = [100, 104, 102];
    const b = [95, 98, 96];
    expect(byLabel(rankCells([cell('a', a), cell('b', b)])).a!.standing.tiedWith).toEqual([]);
    const others = [
      [101, 103, 99],
      [97, 99, 98],
      [100, 98, 102],
      [96, 100, 98],
      [99, 97, 101],
    ].map((rates, i) => cell(`c${i}`, rates));
    expect(byLabel(rankCells([cell('a', a), cell('b', b), ...others])).a!.standing.tiedWith).toContain('b');
  });

  it('compares interleaved cells round by round, so a drift both share does not hide a difference', () => {
    // The host's speed moves round to round by ±10 %; a is 3 % faster than b in every round.
    const levels = [100, 90, 108, 95, 103];
    const a = levels.map((l) => l * 1.03);
    const b = levels.map((l, i) => l * (1 + 0.002 * (i % 2 === 0 ? 1 : -1)));
    const alone = byLabel(rankCells([cell('a', a), cell('b', b)]));
    expect(alone.a!.standing.tiedWith).toEqual(['b']);
    const block = { extras: { interleaved: true, interleaveBlock: '2026-12-04T03:00:00.000Z/42' } };
    const interleaved = byLabel(rankCells([cell('a', a, block), cell('b', b, block)]));
    expect(interleaved.a!.standing).toMatchObject({ rank: 1, tiedWith: [] });
    expect(interleaved.b!.standing).toMatchObject({ rank: 2, tiedWith: [] });
    // Different blocks (or run counts) are not pairs: Welch again.
    const apart = byLabel(rankCells([cell('a', a, block), cell('b', b, { extras: { interleaveBlock: 'another' } })]));
    expect(apart.a!.standing.tiedWith).toEqual(['b']);
  });

  it('never ranks cells of another load shape (a concurrency level of the server-config study) against each other', () => {
    const ranked = rankCells([cell('a', [100, 101, 99], { loadShape: 'closed 10 VUs' }), cell('b', [50, 51, 49], { loadShape: 'closed 50 VUs' })]);
    expect(ranked.map((c) => c.standing.rank)).toEqual([1, 1]);
  });

  describe("a generator-bound cell, whose rate is a lower bound of the server's", () => {
    const bound = (over: Partial<CellSummary> = {}) =>
      ({ verdict: 'generator-bound', reasons: ['the load generator used 91 % of its 1 core(s)'], ...over }) as Partial<CellSummary>;

    it('is never ranked, but is marked above every ranked cell when even its lower bound is significantly faster than each', () => {
      const ranked = byLabel(
        rankCells([cell('fiber', [300, 305, 298, 302, 301], bound()), cell('node', [100, 101, 99, 102, 100]), cell('fastify', [90, 91, 89, 90, 92])]),
      );
      expect(ranked.fiber!.standing).toMatchObject({ rank: null, aboveRanked: true });
      expect(ranked.fiber!.standing.unrankedBecause).toMatch(/^generator-bound: the load generator used 91 %.*significantly above every ranked cell$/);
      expect(ranked.node!.standing).toMatchObject({ rank: 1, tiedWith: [] });
      expect(ranked.fastify!.standing.rank).toBe(2);
    });

    it('is not marked when one ranked cell is not significantly slower: its true place is unknown', () => {
      const ranked = byLabel(rankCells([cell('fiber', [100, 104, 98], bound()), cell('node', [101, 99, 102]), cell('fastify', [50, 51, 49])]));
      expect(ranked.fiber!.standing).toMatchObject({ rank: null });
      expect(ranked.fiber!.standing.aboveRanked).toBeUndefined();
      expect(ranked.node!.standing).toMatchObject({ rank: 1, tiedWith: [] });
    });

    it('is not marked when there is no ranked cell to be above', () => {
      const ranked = byLabel(rankCells([cell('fiber', [300, 305, 298], bound()), cell('node', [200, 202, 199], bound())]));
      expect(ranked.fiber!.standing.aboveRanked).toBeUndefined();
    });

    it.each<[string, Partial<CellSummary>]>([
      ['with 2 runs', { runs: 2, runRatesPerSec: [300, 301] }],
      ['ungated', { gated: false }],
      ['of the quick preset', { preset: 'quick' }],
    ])('is not marked %s', (_, over) => {
      const ranked = byLabel(rankCells([cell('fiber', [300, 305, 298], bound(over)), cell('node', [100, 101, 99])]));
      expect(ranked.fiber!.standing.aboveRanked).toBeUndefined();
    });

    it('is not marked for any other verdict, however fast', () => {
      const ranked = byLabel(rankCells([cell('fiber', [300, 305, 298], { verdict: 'errors', reasons: ['3 % errors'] }), cell('node', [100, 101, 99])]));
      expect(ranked.fiber!.standing.aboveRanked).toBeUndefined();
    });
  });
});
