import { markdownTable } from 'markdown-table';
import { FINDING_RULE, type Finding, type FindingCell } from './evaluate-findings';
import { cellText, formatFigure, formatRatio } from './format';
import type { HypothesisMetric, HypothesisSpec } from './report-model';

const METRIC_WORDS: Record<HypothesisMetric, string> = {
  ratePerSec: 'throughput (req/s)',
  p50: 'p50 latency',
  p90: 'p90 latency',
  p95: 'p95 latency',
  p99: 'p99 latency',
  mean: 'mean latency',
};

/** What a hypothesis compares and what it expects, in words. */
function effectText(h: HypothesisSpec): string {
  if ('extras' in h) {
    const { atLeast, atMost } = h.expect;
    const bounds =
      atLeast !== undefined && atLeast === atMost
        ? `= ${atLeast}`
        : [atLeast !== undefined ? `≥ ${atLeast}` : null, atMost !== undefined ? `≤ ${atMost}` : null].filter(Boolean).join(' and ');
    return `counters ${h.extras.map((e) => `\`${e}\``).join(', ')} over each cell; expected ${bounds} each`;
  }
  const expectation = h.expectRatioAtLeast === undefined ? 'no expected ratio' : `expected ≥ ${h.expectRatioAtLeast}×`;
  if ('compareCells' in h) {
    const { a, b } = h.compareCells;
    return `${METRIC_WORDS[h.metric]} of \`${a.group}\` in ${a.scenario} ÷ \`${b.group}\` in ${b.scenario}, the same implementation's two cells; ${expectation}`;
  }
  return `${METRIC_WORDS[h.metric]} of \`${h.compare.a}\` ÷ \`${h.compare.b}\`; ${expectation}`;
}

function renderFinding(f: Finding): string[] {
  const h = f.hypothesis;
  const out = [`### ${h.id} — **${f.verdict}**`, '', `> ${h.statement}`, '', `Effect: ${effectText(h)}. Verdict: ${f.verdict} (${f.why}).`, ''];
  if (f.cells.length === 0) return [...out, 'Rests on: no cells measured yet.', ''];
  const effect = (c: FindingCell) =>
    c.ratio
      ? formatRatio(c.ratio)
      : c.extras
        ? Object.entries(c.extras)
            .map(([k, v]) => `${k} = ${formatFigure(v)}`)
            .join(', ')
        : '–';
  // Counters are totals over the cell, not per run: no run count.
  const runs = (c: FindingCell) => ('extras' in h ? '–' : String(c.runs));
  const rows = f.cells.map((c) => [c.label, c.profile, c.hostId, runs(c), effect(c), c.verdict, c.counted ? 'yes' : 'no', c.note ?? ''].map(cellText));
  const effectHeading = 'extras' in h ? 'counters' : 'ratio [95 % CI]';
  out.push('Rests on:', '', markdownTable([['cell', 'profile', 'host', 'runs', effectHeading, 'verdict', 'counted', 'note'], ...rows]), '');
  return out;
}

/**
 * Renders findings as `learnings/DISCOVERIES.md`: the verdict rule, then per scenario each
 * hypothesis with its measured effect (ratio and CI) per cell, its verdict and the cells it
 * rests on. A thin exporter over {@link evaluateFindings}.
 */
export function renderDiscoveries(findings: readonly Finding[]): string {
  const out = [
    '# Discoveries',
    '',
    'Generated from the result files and the hypotheses the scenarios declare (`hypotheses` in',
    '`scenarios/*/scenario.ts` and `scenarios/*/hypotheses.json`). Do not edit: regenerate with',
    '`nx run reports:report`. Hand-written notes go in `qna/`, `retrospectives/` and `topics/` (see README.md).',
    '',
    `How verdicts are decided: ${FINDING_RULE}`,
    '',
  ];
  if (findings.length === 0) return `${[...out, 'No scenario declares a hypothesis yet.'].join('\n')}\n`;
  const counts = ['supported', 'rejected', 'inconclusive', 'measured'].map((v) => `${findings.filter((f) => f.verdict === v).length} ${v}`);
  out.push(`${findings.length} hypotheses: ${counts.join(', ')}.`, '');
  let scenario: string | null = null;
  for (const f of findings) {
    if (f.scenario !== scenario) {
      scenario = f.scenario;
      out.push(`## ${f.scenario}${f.scenarioTitle ? ` — ${f.scenarioTitle}` : ''}`, '');
    }
    out.push(...renderFinding(f));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
