import { quantiles } from '@lab/stats';
import { markdownTable } from 'markdown-table';
import { cellText, formatPercent } from './format';
import { MARKER_LEGEND } from './markers';
import type { ReportModel } from './report-model';

/** Host and profile tables, legend and the tie rule: the top of every markdown report. */
export function renderHeader(model: ReportModel, cellCount: number): string[] {
  const out: string[] = [];
  const dates = model.cells.map((c) => c.createdAt).sort();
  out.push(
    `Generated from ${cellCount} result file${cellCount === 1 ? '' : 's'}` +
      (dates.length > 0 ? ` written between ${dates[0]} and ${dates[dates.length - 1]}` : '') +
      '. Do not edit: regenerate with `nx run reports:report`.',
    '',
    ...renderSpread(model),
    '## Hosts',
    '',
    markdownTable([
      ['host', 'CPU', 'cores', 'memory', 'arch', 'kernel', 'node'],
      ...model.hosts.map((h) => [h.id, h.cpuModel, String(h.cores), `${(h.memoryBytes / 1024 ** 3).toFixed(1)} GiB`, h.arch, h.kernel, h.node].map(cellText)),
    ]),
    '',
    '## Profiles',
    '',
    markdownTable([
      ['profile', 'mechanism', 'enforced', 'limits per role'],
      ...model.profiles.map((p) => [p.name, p.mechanism, p.enforced ? 'yes' : 'no', p.limits].map(cellText)),
    ]),
    '',
    ...renderLegend(model),
  );
  return out;
}

/**
 * How precise the page is, in two sentences: the spread of the cells' run-to-run coefficient of
 * variation (median, 10th and 90th percentiles, type-7 quantiles) and how many cells got each verdict.
 */
export function renderSpread(model: Pick<ReportModel, 'cells'>): string[] {
  const cvs = model.cells.flatMap((c) => (c.cv === null ? [] : [c.cv]));
  const verdicts = new Map<string, number>();
  for (const c of model.cells) verdicts.set(c.verdict, (verdicts.get(c.verdict) ?? 0) + 1);
  const counts = [...verdicts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v, n]) => `${n} ${v}`);
  if (cvs.length === 0) return counts.length > 0 ? [`Verdicts: ${counts.join(', ')}.`, ''] : [];
  const [p10, p50, p90] = quantiles(cvs, [0.1, 0.5, 0.9]).map((q) => formatPercent(q, 1));
  return [
    `Run-to-run spread: the coefficient of variation of a cell's run rates is ${p50} at the median (10th percentile ${p10}, 90th ${p90}) ` +
      `over the ${cvs.length} cell${cvs.length === 1 ? '' : 's'} with two runs or more. Verdicts: ${counts.join(', ')}.`,
    '',
  ];
}

/** "How to read this": the interval rule, the latency source, the markers and the comparison rule, one sentence each. */
export function renderLegend(model: Pick<ReportModel, 'ciRule' | 'tieRule'>): string[] {
  return [
    '## How to read this',
    '',
    `- Throughput: ${model.ciRule} Shown as \`estimate [low–high]\` for a CI and \`estimate (range low–high)\` for a range.`,
    '- Latency percentiles come from the HDR histogram merged over all runs (never an average of percentiles); `*` marks wrk cells, whose percentiles are the median of the runs.',
    ...MARKER_LEGEND.map((l) => `- ${l}.`),
    `- Ties: ${model.tieRule}`,
    `- ${DRIFT_NOTE}`,
    '',
  ];
}

/**
 * What a cell's interval does not cover: the host's speed on another day (measured on the
 * 2-core AMD EPYC host class, docs/precision.md).
 */
export const DRIFT_NOTE =
  "Days: a cell's interval covers the spread of its own runs, taken within about two minutes, not the host's speed on another day, which moved the same cells by 10–84 % on this kind of 2-core host (docs/precision.md). `lab publish` measures a scenario's cells one after another (each file records when), so compare within a scenario, and measure a comparison that matters with `lab bench --interleave`.";

/** The list of files that could not be used, if any. */
export function renderProblems(model: ReportModel): string[] {
  if (model.problems.length === 0) return [];
  return ['## Files not used', '', ...model.problems.map((p) => `- \`${p.file}\` — ${p.code}: ${p.message.split('\n')[0]}`), ''];
}
