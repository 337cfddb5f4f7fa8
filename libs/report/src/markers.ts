import { formatRateInterval } from './format';
import type { CellSummary } from './report-model';

/** Marks a cell whose difference from at least one other cell of its comparison is not significant. */
export const TIE_MARK = '≈';
/** Marks a cell that failed validity (generator-bound, errors, failed checks, …): listed, never ranked. */
export const INVALID_MARK = '✗';
/** Marks a valid cell that could not be ranked (fewer than two runs). */
export const UNRANKED_MARK = '○';

/** The legend lines every report prints under its header. */
export const MARKER_LEGEND = [
  `\`#n\` rank within the scenario (same profile and host); ${TIE_MARK} tied with another cell — the difference is not significant`,
  `${INVALID_MARK} failed validity (verdict in brackets): listed, never ranked`,
  `${UNRANKED_MARK} valid but not ranked (fewer than 2 runs)`,
];

/** Compact text of a cell for a matrix: `#1 12,340 [12,100–12,560] ≈` or `✗ 39,100 […] (generator-bound)`. */
export function standingText(cell: CellSummary): string {
  const rate = cell.ratePerSec ? formatRateInterval(cell.ratePerSec) : 'no completed run';
  if (cell.verdict !== 'valid') return `${INVALID_MARK} ${rate} (${cell.verdict})`;
  if (cell.standing.rank === null) return `${UNRANKED_MARK} ${rate}`;
  return `#${cell.standing.rank} ${rate}${cell.standing.tiedWith.length > 0 ? ` ${TIE_MARK}` : ''}`;
}

/** Rank column text: `#1`, `#1 ≈`, `✗`, `○`. */
export function rankText(cell: CellSummary): string {
  if (cell.verdict !== 'valid') return INVALID_MARK;
  if (cell.standing.rank === null) return UNRANKED_MARK;
  return `#${cell.standing.rank}${cell.standing.tiedWith.length > 0 ? ` ${TIE_MARK}` : ''}`;
}

/** Display order: ranked cells by rank then estimate, then the unranked ones by estimate. */
export function byStanding(a: CellSummary, b: CellSummary): number {
  const ra = a.standing.rank ?? Number.POSITIVE_INFINITY;
  const rb = b.standing.rank ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra - rb;
  return (b.ratePerSec?.estimate ?? -1) - (a.ratePerSec?.estimate ?? -1) || a.label.localeCompare(b.label);
}
