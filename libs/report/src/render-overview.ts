import { markdownTable } from 'markdown-table';
import { cellText } from './format';
import { INVALID_MARK, UNRANKED_MARK } from './markers';
import { comparisonKey } from './rank-cells';
import { categoriesOf } from './render-matrix';
import type { CellSummary, ReportModel } from './report-model';
import { bestValidCells, shareOfBest } from './share-of-best';

/** `100 %`, `62 %`; `✗ 140 % (generator-bound)` for an invalid cell; `○ 45 %` for an unranked one; `–` without a figure. */
export function shareText(cell: CellSummary, share: number | null): string {
  const pct = share === null ? '–' : `${Math.round(share * 100)} %`;
  if (cell.verdict !== 'valid') return `${INVALID_MARK} ${pct} (${cell.verdict})`;
  if (cell.standing.rank === null && cell.variant === 'default') return `${UNRANKED_MARK} ${pct}`;
  return pct;
}

/**
 * The matrix overview: one row per scenario (per comparison group when a scenario was measured
 * under several profiles, hosts, drivers or presets), one column per implementation (default
 * configuration), each cell's throughput as a share of the row's best valid cell.
 */
export function renderOverview(model: ReportModel, cells: readonly CellSummary[]): string[] {
  const defaults = cells.filter((c) => c.variant === 'default');
  if (defaults.length === 0) return [];
  const best = bestValidCells(model.cells);
  const columns = [...new Set(defaults.map((c) => c.implementation))].sort();
  const keys = [...new Set(defaults.map(comparisonKey))];
  const manyGroups = new Set(defaults.map((c) => c.scenario)).size < keys.length;
  const order = categoriesOf(defaults);
  const rank = (c: CellSummary) => order.indexOf(c.category);
  const rows = keys
    .map((key) => defaults.filter((c) => comparisonKey(c) === key))
    .sort((a, b) => rank(a[0]!) - rank(b[0]!) || a[0]!.scenario.localeCompare(b[0]!.scenario) || comparisonKey(a[0]!).localeCompare(comparisonKey(b[0]!)))
    .map((group) => {
      const first = group[0]!;
      const top = best.get(comparisonKey(first));
      const head = `${first.scenario}${manyGroups ? ` (${first.profile}, ${first.hostClass}, ${first.driver}, ${first.preset ?? 'no preset'})` : ''}`;
      const bestText = top?.ratePerSec ? `${top.implementation} ${Math.round(top.ratePerSec.estimate).toLocaleString('en-US')}` : 'no valid cell';
      return [
        head,
        bestText,
        ...columns.map((impl) => {
          const cell = group.find((c) => c.implementation === impl);
          return cell ? shareText(cell, shareOfBest(cell, best)) : '–';
        }),
      ].map(cellText);
    });
  return [
    '## Overview (req/s as a share of the best valid cell of each scenario)',
    '',
    `Each row is one scenario; 100 % is its fastest valid cell (named with its req/s), every other cell is its geometric-mean req/s divided by that. ${INVALID_MARK} cells failed validity and are not ranked, whatever their share; ${UNRANKED_MARK} cells are valid but indicative. Differences within a cell's interval are ties: see the ranked tables below.`,
    '',
    markdownTable([['scenario', 'best valid (req/s)', ...columns], ...rows], { align: ['l', 'l', ...columns.map(() => 'r')] }),
    '',
  ];
}
