import { markdownTable } from 'markdown-table';
import { FINDING_RULE, type Finding } from './evaluate-findings';
import { cellText, formatRatio } from './format';

const METRIC_WORDS: Record<Finding['hypothesis']['metric'], string> = {
  ratePerSec: 'throughput (req/s)',
  p50: 'p50 latency',
  p90: 'p90 latency',
  p95: 'p95 latency',
  p99: 'p99 latency',
  mean: 'mean latency',
};

function renderFinding(f: Finding): string[] {
  const h = f.hypothesis;
  const expectation = h.expectRatioAtLeast === undefined ? 'no expected ratio' : `expected ≥ ${h.expectRatioAtLeast}×`;
  const out = [
    `### ${h.id} — **${f.verdict}**`,
    '',
    `> ${h.statement}`,
    '',
    `Effect: ${METRIC_WORDS[h.metric]} of \`${h.compare.a}\` ÷ \`${h.compare.b}\`; ${expectation}. Verdict: ${f.verdict} (${f.why}).`,
    '',
  ];
  if (f.cells.length === 0) return [...out, 'Rests on: no cells measured yet.', ''];
  const rows = f.cells.map((c) =>
    [c.label, c.profile, c.hostId, String(c.runs), c.ratio ? formatRatio(c.ratio) : '–', c.verdict, c.counted ? 'yes' : 'no', c.note ?? ''].map(cellText),
  );
  out.push('Rests on:', '', markdownTable([['cell', 'profile', 'host', 'runs', 'ratio [95 % CI]', 'verdict', 'counted', 'note'], ...rows]), '');
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
    '`scenarios/*/scenario.ts`). Do not edit: regenerate with `nx run reports:report`. Hand-written',
    'notes go in `qna/`, `retrospectives/` and `topics/` (see README.md).',
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
