import { formatRateInterval } from './format';
import type { CellSummary } from './report-model';

/** Marks a cell whose difference from at least one other cell of its comparison is not significant. */
export const TIE_MARK = '≈';
/** Marks a cell that failed validity (generator-bound, errors, failed checks, …): listed, never ranked. */
export const INVALID_MARK = '✗';
/** Marks a valid cell that is not ranked: indicative (fewer than 3 runs, quick preset) or ungated. */
export const UNRANKED_MARK = '○';
/** Marks a generator-bound cell (never ranked) whose rate, a lower bound, is significantly above every ranked cell. */
export const ABOVE_RANKED_MARK = '≥';

/** The legend lines every report prints under its header. */
export const MARKER_LEGEND = [
  `\`#n\` rank within the scenario (same profile, host class, driver and preset); \`v#n\` rank among one implementation's variants; ${TIE_MARK} tied with another cell — the difference is not significant`,
  `${INVALID_MARK} failed validity (verdict in brackets): listed, never ranked`,
  `${UNRANKED_MARK} valid but not ranked: indicative (fewer than 3 runs, or the quick preset) or not gated (the reason is listed)`,
  `${INVALID_MARK} ${ABOVE_RANKED_MARK} generator-bound, so not ranked, but even its rate (a lower bound of the server's) is significantly above every ranked cell`,
];

/** The standing a cell is shown with: its variant standing for a non-default variant, else its main one. */
function shownStanding(cell: CellSummary): { prefix: string; standing: CellSummary['standing'] } {
  if (cell.variant !== 'default' && cell.variantStanding) return { prefix: 'v#', standing: cell.variantStanding };
  return { prefix: '#', standing: cell.standing };
}

/** Compact text of a cell for a matrix: `#1 12,340 [12,100–12,560] ≈` or `✗ 39,100 […] (generator-bound)`. */
export function standingText(cell: CellSummary): string {
  const rate = cell.ratePerSec ? formatRateInterval(cell.ratePerSec) : 'no completed run';
  const { prefix, standing } = shownStanding(cell);
  if (cell.verdict !== 'valid') return `${INVALID_MARK} ${standing.aboveRanked ? `${ABOVE_RANKED_MARK} ` : ''}${rate} (${cell.verdict})`;
  if (standing.rank === null) return `${UNRANKED_MARK} ${rate}`;
  return `${prefix}${standing.rank} ${rate}${standing.tiedWith.length > 0 ? ` ${TIE_MARK}` : ''}`;
}

/** Rank column text from a standing: `#1`, `#1 ≈`, `✗`, `✗ ≥` (generator-bound, above every ranked cell), `○`. */
export function rankText(cell: CellSummary, standing: CellSummary['standing'] = cell.standing): string {
  if (cell.verdict !== 'valid') return standing.aboveRanked ? `${INVALID_MARK} ${ABOVE_RANKED_MARK}` : INVALID_MARK;
  if (standing.rank === null) return UNRANKED_MARK;
  return `#${standing.rank}${standing.tiedWith.length > 0 ? ` ${TIE_MARK}` : ''}`;
}

/** Display order over a standing: ranked cells by rank then estimate, then the unranked ones by estimate. */
export function byStandingOf(pick: (c: CellSummary) => CellSummary['standing'] | null) {
  return (a: CellSummary, b: CellSummary): number => {
    const ra = pick(a)?.rank ?? Number.POSITIVE_INFINITY;
    const rb = pick(b)?.rank ?? Number.POSITIVE_INFINITY;
    if (ra !== rb) return ra - rb;
    return (b.ratePerSec?.estimate ?? -1) - (a.ratePerSec?.estimate ?? -1) || a.label.localeCompare(b.label);
  };
}

/** Display order of a scenario's main table ({@link byStandingOf} the main standing). */
export const byStanding = byStandingOf((c) => c.standing);
