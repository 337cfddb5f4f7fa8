import { markdownTable } from 'markdown-table';
import { cellText, formatLatencyUs, formatRateInterval } from './format';
import { ABOVE_RANKED_MARK, TIE_MARK } from './markers';
import { comparisonKey } from './rank-cells';
import { categoriesOf } from './render-matrix';
import type { ReportModel } from './report-model';
import { bestValidCells, shareOfBest } from './share-of-best';

/** The comment lines the README's headline table sits between; the report rewrites what lies between them. */
export const HEADLINE_MARKERS = { start: '<!-- benchmark-headline:start -->', end: '<!-- benchmark-headline:end -->' } as const;

/**
 * The README's headline: per scenario (comparison group), its fastest valid cell with req/s,
 * interval and p99, the runner-up as a share of it, and how many cells were measured; a link to
 * the full results. With no valid cell, a line saying so.
 */
export function renderHeadline(model: ReportModel, resultsLink: string): string[] {
  const best = bestValidCells(model.cells);
  const tops = [...best.values()];
  const order = categoriesOf(tops);
  tops.sort(
    (a, b) => order.indexOf(a.category) - order.indexOf(b.category) || a.scenario.localeCompare(b.scenario) || comparisonKey(a).localeCompare(comparisonKey(b)),
  );
  if (tops.length === 0) return [`No valid published result yet: see [the results](${resultsLink}).`];
  const rows = tops.map((top) => {
    const group = model.cells.filter((c) => comparisonKey(c) === comparisonKey(top) && c.variant === 'default');
    const next = group.filter((c) => c !== top && c.verdict === 'valid' && c.ratePerSec).sort((a, b) => b.ratePerSec!.estimate - a.ratePerSec!.estimate)[0];
    const share = next ? shareOfBest(next, best) : null;
    return [
      top.scenario,
      `${top.implementation}${top.standing.tiedWith.length > 0 ? ` ${TIE_MARK}` : ''}`,
      formatRateInterval(top.ratePerSec!),
      formatLatencyUs(top.percentilesUs?.p99 ?? null),
      next && share !== null ? `${next.implementation} (${Math.round(share * 100)} %)` : '–',
      String(group.length),
    ].map(cellText);
  });
  const hosts = [...new Set(tops.map((t) => t.hostClass))].join('; ');
  // aboveRanked implies a ranked valid cell in the group and a rate of its own (rankTable).
  const above = model.cells.filter((c) => c.standing.aboveRanked && c.variant === 'default');
  return [
    `Fastest valid implementation per scenario on ${hosts} (req/s [95 % CI], geometric mean of runs; ${TIE_MARK}: tied with another cell). Full tables, latency, resources and invalid cells: [benchmark results](${resultsLink}).`,
    '',
    markdownTable([['scenario', 'fastest', 'req/s [95 % CI]', 'p99', 'runner-up', 'cells'], ...rows], { align: ['l', 'l', 'r', 'r', 'l', 'r'] }),
    ...(above.length > 0
      ? [
          '',
          `Faster still, but not ranked: the load generator, not the server, was the limit, so these rates are lower bounds, each significantly above every ranked cell: ${above
            .map((c) => `${c.implementation} on ${c.scenario} ${ABOVE_RANKED_MARK} ${formatRateInterval(c.ratePerSec!)} req/s`)
            .join('; ')}.`,
        ]
      : []),
  ];
}

/**
 * `text` with everything between the headline markers replaced by `lines`. Undefined when the
 * markers are missing or out of order (the caller leaves the file alone).
 */
export function replaceHeadline(text: string, lines: readonly string[]): string | undefined {
  const start = text.indexOf(HEADLINE_MARKERS.start);
  const end = text.indexOf(HEADLINE_MARKERS.end);
  if (start < 0 || end < start) return undefined;
  return `${text.slice(0, start + HEADLINE_MARKERS.start.length)}\n${lines.join('\n')}\n${text.slice(end)}`;
}
