import { comparisonKey } from './rank-cells';
import type { CellSummary } from './report-model';

/**
 * The best valid cell of each comparison group (same scenario, profile, host class, driver and
 * preset; default configurations only, as the ranked tables): the cell every other cell of its
 * group is shown relative to. Keyed by {@link comparisonKey}.
 */
export function bestValidCells(cells: readonly CellSummary[]): Map<string, CellSummary> {
  const best = new Map<string, CellSummary>();
  for (const c of cells) {
    if (c.verdict !== 'valid' || c.variant !== 'default' || !c.ratePerSec) continue;
    const key = comparisonKey(c);
    const held = best.get(key);
    if (!held || c.ratePerSec.estimate > held.ratePerSec!.estimate) best.set(key, c);
  }
  return best;
}

/**
 * A cell's throughput as a fraction of the best valid cell of its comparison group (1 for the
 * best itself; invalid cells get their fraction too, shown with their verdict). Null when the
 * cell has no rate or its group has no valid cell.
 */
export function shareOfBest(cell: CellSummary, best: ReadonlyMap<string, CellSummary>): number | null {
  const top = best.get(comparisonKey(cell));
  if (!top || !cell.ratePerSec || !top.ratePerSec || top.ratePerSec.estimate <= 0) return null;
  return cell.ratePerSec.estimate / top.ratePerSec.estimate;
}
