import { ratioCi } from '@lab/stats';
import type { CellSummary, Standing } from './report-model';

/** Seed of every bootstrap in the report, so the same results always give the same document. */
export const REPORT_SEED = 1;

/** Bootstrap resamples of each pairwise ratio CI. */
export const TIE_RESAMPLES = 10_000;

/** The tie rule, as the report's legend states it. */
export const TIE_RULE =
  'Two valid cells of the same scenario, profile and host are tied when the 95 % confidence interval of the ratio of their median run rates ' +
  '(two-sample percentile bootstrap, 10,000 resamples, seed 1) includes 1. ' +
  'Rank = 1 + the number of cells whose ratio CI lies entirely above 1 against this one, so tied cells can share a rank. ' +
  'A ratio CI is used rather than Mann–Whitney because with 3–5 runs per cell Mann–Whitney cannot reach p < 0.05 even when every run of one cell beats every run of the other.';

/** Whether `a` is significantly faster (1), slower (-1) or tied (0) with `b`: ratio CI of medians vs 1. */
export function compareRates(a: readonly number[], b: readonly number[]): 1 | -1 | 0 {
  const ci = ratioCi(a, b, { statistic: 'median', seed: REPORT_SEED, resamples: TIE_RESAMPLES });
  if (ci.low > 1) return 1;
  if (ci.high < 1) return -1;
  return 0;
}

function rankableBecause(cell: CellSummary): string | null {
  if (cell.verdict !== 'valid') return `${cell.verdict}: ${cell.reasons.join('; ')}`;
  if (!cell.ratePerSec || cell.runs < 2) return 'fewer than 2 runs';
  if (cell.runRatesPerSec.some((r) => r <= 0)) return 'a run completed no requests';
  return null;
}

/**
 * Ranks cells within each comparison group (same scenario, profile and host; results from
 * different machines are never compared). Invalid cells and cells with fewer than two runs are
 * listed with the reason and never ranked. Among the rest, every pair is compared with
 * {@link compareRates} ({@link TIE_RULE}); returns new summaries with `standing` filled in.
 */
export function rankCells(cells: readonly CellSummary[]): CellSummary[] {
  const groupKey = (c: CellSummary) => `${c.scenario}|${c.profile}|${c.hostId}`;
  const groups = new Map<string, CellSummary[]>();
  for (const c of cells) groups.set(groupKey(c), [...(groups.get(groupKey(c)) ?? []), c]);
  const standings = new Map<string, Standing>();
  for (const group of groups.values()) {
    const rankable = group.filter((c) => rankableBecause(c) === null);
    for (const c of group) {
      const because = rankableBecause(c);
      if (because !== null) standings.set(c.key, { rank: null, tiedWith: [], unrankedBecause: because });
    }
    const fasterCount = new Map<string, number>(rankable.map((c) => [c.key, 0]));
    const ties = new Map<string, string[]>(rankable.map((c) => [c.key, []]));
    rankable.forEach((a, i) => {
      for (const b of rankable.slice(i + 1)) {
        const outcome = compareRates(a.runRatesPerSec, b.runRatesPerSec);
        if (outcome === 1) fasterCount.set(b.key, fasterCount.get(b.key)! + 1);
        else if (outcome === -1) fasterCount.set(a.key, fasterCount.get(a.key)! + 1);
        else {
          ties.get(a.key)!.push(b.label);
          ties.get(b.key)!.push(a.label);
        }
      }
    });
    for (const c of rankable) {
      standings.set(c.key, { rank: 1 + fasterCount.get(c.key)!, tiedWith: ties.get(c.key)!.sort(), unrankedBecause: null });
    }
  }
  return cells.map((c) => ({ ...c, standing: standings.get(c.key)! }));
}
