import { markdownTable } from 'markdown-table';
import { cellText, formatLatencyUs, formatRateInterval } from './format';
import { rankText } from './markers';
import { shareText } from './render-overview';
import { serverResourceCells } from './render-scenario';
import type { CellSummary, ReportModel } from './report-model';
import { bestValidCells, shareOfBest } from './share-of-best';

/**
 * One profile per implementation: every scenario it was measured in (its variants too), with
 * its share of the scenario's best valid cell, its rank, req/s with the interval, p50 and p99
 * from the merged histogram, the server's CPU-seconds per 1,000 requests and peak RSS, and the
 * verdict; above the table, how often it ranked first and how many of its cells are valid.
 */
export function renderImplementations(model: ReportModel, cells: readonly CellSummary[]): string[] {
  const best = bestValidCells(model.cells);
  const impls = [...new Set(cells.map((c) => c.implementation))].sort();
  const out: string[] = ['## Implementation profiles', ''];
  for (const impl of impls) {
    const own = cells.filter((c) => c.implementation === impl).sort((a, b) => a.scenario.localeCompare(b.scenario) || a.label.localeCompare(b.label));
    const valid = own.filter((c) => c.verdict === 'valid').length;
    const first = own.filter((c) => c.variant === 'default' && c.standing.rank === 1).length;
    const rows = own.map((c) => {
      const p = c.percentilesUs;
      return [
        c.variant === 'default' ? c.scenario : `${c.scenario} (${c.variant})`,
        shareText(c, shareOfBest(c, best)),
        rankText(c, c.variant === 'default' ? c.standing : (c.variantStanding ?? c.standing)),
        c.ratePerSec ? formatRateInterval(c.ratePerSec) : '–',
        formatLatencyUs(p?.p50 ?? null),
        formatLatencyUs(p?.p99 ?? null),
        ...serverResourceCells(c),
        c.verdict,
      ].map(cellText);
    });
    out.push(
      `### ${impl}`,
      '',
      `${own.length} cell${own.length === 1 ? '' : 's'}, ${valid} valid; ranked first (alone or tied) in ${first} scenario${first === 1 ? '' : 's'}.`,
      '',
      markdownTable([['scenario', 'of best', 'rank', 'req/s [95 % CI]', 'p50', 'p99', 'server CPU-s / 1k req', 'server peak RSS', 'validity'], ...rows], {
        align: ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'l'],
      }),
      '',
    );
  }
  return out;
}
