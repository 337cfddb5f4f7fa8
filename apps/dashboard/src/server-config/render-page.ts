/**
 * The server-configuration experiment's dashboard page: one static HTML document (inline CSS and
 * SVG, no script, no network) from the experiment's summary — coverage per round, the
 * hypotheses' verdicts with effect and interval, the recommendation per workload × budget ×
 * stack, bar charts of req/s and capacity with their intervals, the evidence table and the
 * points still missing.
 */
import {
  basisText,
  capacityText,
  figureText,
  loadText,
  versusText,
  type ExperimentSummary,
  type PointRow,
  type RecommendationRow,
  validityText,
} from '../../../../experiments/server-config/src/summarize-experiment';

/** One bar: a label and a figure with its interval (low = high when there is none). */
export interface Bar {
  label: string;
  estimate: number;
  low: number;
  high: number;
  /** Greyed out (e.g. a result the lab did not judge valid). */
  muted?: boolean;
}

const KIND_TITLE = { io: 'I/O-bound', cpu: 'CPU-bound', mixed: 'Mixed' } as const;
const VERDICT_COLOUR: Record<string, string> = { supported: '#1b7a3a', rejected: '#b3261e', inconclusive: '#8a6d00', untested: '#666' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const num = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
const interval = (i: { estimate: number; low: number; high: number } | null) => (i ? `${num(i.estimate)} [${num(i.low)}–${num(i.high)}]` : '–');
const mib = (bytes: number | null) => (bytes === null ? '–' : `${(bytes / 1024 ** 2).toFixed(1)} MiB`);

/** A horizontal bar chart with interval whiskers, as inline SVG; an empty note without bars. */
export function barChart(bars: readonly Bar[], unit: string): string {
  if (bars.length === 0) return '<p class="empty">Not measured yet.</p>';
  // Room for the longest label at the page's 11 px font (about 6.6 px per character at most), so none is clipped.
  const labelWidth = Math.min(520, Math.max(120, Math.ceil(Math.max(...bars.map((b) => b.label.length)) * 6.6) + 12));
  const width = labelWidth + 360;
  const rowHeight = 22;
  const max = Math.max(...bars.map((b) => b.high), 1e-9);
  const x = (v: number) => labelWidth + ((width - labelWidth - 70) * v) / max;
  const rows = bars.map((b, i) => {
    const y = i * rowHeight + 4;
    const fill = b.muted ? '#bbb' : '#2b6cb0';
    return (
      `<g class="bar" data-label="${escapeHtml(b.label)}">` +
      `<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${escapeHtml(b.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 2}" width="${Math.max(0, x(b.estimate) - labelWidth).toFixed(1)}" height="${rowHeight - 8}" fill="${fill}"/>` +
      `<line x1="${x(b.low).toFixed(1)}" x2="${x(b.high).toFixed(1)}" y1="${y + rowHeight / 2}" y2="${y + rowHeight / 2}" stroke="#111"/>` +
      `<text x="${(x(b.high) + 4).toFixed(1)}" y="${y + 13}">${num(b.estimate)}</text></g>`
    );
  });
  return `<svg role="img" aria-label="${escapeHtml(unit)}" width="${width}" height="${bars.length * rowHeight + 8}" viewBox="0 0 ${width} ${bars.length * rowHeight + 8}">${rows.join('')}</svg>`;
}

/** The page's full HTML (server-config.html beside the dashboard's index.html, which it links back to). */
export function renderServerConfigPage(s: ExperimentSummary): string {
  const body = [
    '<p><a id="link-results" href="./index.html">← All results</a></p>',
    `<h1>${escapeHtml(s.title)}</h1>`,
    `<p>${escapeHtml(s.question)}</p>`,
    coverage(s),
    '<h2>Hypotheses</h2>',
    hypotheses(s),
    '<h2>What to run</h2>',
    recommendations(s.recommendations),
    '<h2>Throughput and capacity, round by round</h2>',
    `<p class="note">Bars: closed-loop req/s at the round's VUs, and capacity (highest rate with p99 ≤ ${s.sloP99Ms} ms) where swept; whiskers: 95 % intervals; grey: not valid.</p>`,
    charts(s),
    '<h2>Evidence</h2>',
    evidence(s.points),
    missing(s),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(s.title)}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem auto; max-width: 960px; color: #1d1d1d; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; border-bottom: 1px solid #ddd; } h3 { font-size: 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0; }
th, td { border-bottom: 1px solid #eee; padding: .25rem .4rem; text-align: left; }
td.n { text-align: right; } .verdict { font-weight: 600; } .empty, .note { color: #666; font-style: italic; }
svg text { font-size: 11px; }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

function table(head: readonly string[], rows: readonly string[][], numeric: readonly number[] = []): string {
  const cell = (text: string, i: number) => `<td${numeric.includes(i) ? ' class="n"' : ''}>${text}</td>`;
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table>`;
}

function coverage(s: ExperimentSummary): string {
  const c = s.coverage;
  const line =
    `<p id="coverage">${c.measured} of ${c.total} points measured (${c.valid} valid), ${s.missing.length} missing` +
    (c.skippedForHost > 0 ? `, ${c.skippedForHost} need more than ${s.hostCores} cores` : '') +
    (s.hostClass ? `; host class ${escapeHtml(s.hostClass)}` : '') +
    '.</p>';
  return (
    line +
    table(
      ['round', 'what', 'points', 'measured', 'valid'],
      c.rounds.map((r) => [escapeHtml(r.id), escapeHtml(r.description), String(r.total), String(r.measured), String(r.valid)]),
      [2, 3, 4],
    )
  );
}

function hypotheses(s: ExperimentSummary): string {
  const rows = s.hypotheses.map((h) => [
    escapeHtml(h.id),
    escapeHtml(h.statement),
    `<span class="verdict" style="color:${VERDICT_COLOUR[h.verdict]}">${h.verdict}</span>`,
    h.effect
      ? `${h.effect.ratio.toFixed(2)}× [${h.effect.low.toFixed(2)}–${h.effect.high.toFixed(2)}] ${escapeHtml(`${h.effect.stack}, ${h.effect.scenario}, ${h.effect.cpus} CPU: ${h.effect.subject} / ${h.effect.reference}`)}`
      : '–',
    `${h.comparisons.length} (${h.pending} pending)`,
  ]);
  return table(['', 'statement', 'verdict', 'effect [interval]', 'comparisons'], rows);
}

function recommendations(rows: readonly RecommendationRow[]): string {
  const out: string[] = [];
  for (const kind of ['io', 'cpu', 'mixed'] as const) {
    const here = rows.filter((r) => r.kind === kind);
    if (here.length === 0) continue;
    out.push(`<h3>${KIND_TITLE[kind]}</h3>`);
    out.push(
      table(
        ['CPU', 'scenario', 'stack', 'choose', 'basis', 'figure', 'RSS / process', 'vs runner-up'],
        here.map((r) => [
          String(r.cpus),
          escapeHtml(r.scenario),
          escapeHtml(r.stack),
          r.choice ? escapeHtml(`${r.choice}${r.tie ? ' (tied: fewer workers)' : ''}`) : '<span class="empty">not measured yet</span>',
          escapeHtml(basisText(r)),
          escapeHtml(figureText(r, interval)),
          mib(r.rssPerProcessBytes),
          escapeHtml(versusText(r, (x) => `${x.estimate.toFixed(2)}× [${x.low.toFixed(2)}–${x.high.toFixed(2)}]`)),
        ]),
        [0, 5, 6],
      ),
    );
  }
  return out.join('\n');
}

/**
 * One chart per round that has measured points: a panel per workload × budget, a bar per point
 * (closed-loop req/s, its VUs named when the round varies them; capacity apart). A point in
 * several rounds is drawn in each.
 */
function charts(s: ExperimentSummary): string {
  const rounds = s.coverage.rounds.filter((r) => s.points.some((p) => p.rounds.includes(r.id)));
  if (rounds.length === 0) return '<p class="empty">Not measured yet.</p>';
  const out: string[] = [];
  for (const round of rounds) {
    const here = s.points.filter((p) => p.rounds.includes(round.id));
    const namesVus = new Set(here.map((p) => p.vus)).size > 1;
    out.push(
      `<section class="round" data-round="${escapeHtml(round.id)}"><h3>Round ${escapeHtml(round.id)}</h3><p class="note">${escapeHtml(round.description)}</p>`,
    );
    for (const panel of [...new Set(here.map((p) => `${p.scenario}|${p.cpus}`))]) {
      const [scenario, cpus] = panel.split('|') as [string, string];
      const inPanel = here.filter((p) => p.scenario === scenario && String(p.cpus) === cpus);
      const closed = inPanel.filter((p) => p.vus !== null && p.rate).map((p) => bar(p, p.rate!, namesVus));
      const capacity = inPanel.filter((p) => p.vus === null && p.capacity).map((p) => bar(p, p.capacity!, false));
      out.push(`<figure data-panel="${escapeHtml(`${round.id}|${panel}`)}"><figcaption>${escapeHtml(scenario)} at ${escapeHtml(cpus)} CPU</figcaption>`);
      if (closed.length > 0) out.push('<p>closed-loop req/s</p>', barChart(closed, 'requests per second'));
      if (capacity.length > 0) out.push(`<p>capacity (req/s within the SLO)</p>`, barChart(capacity, 'capacity, requests per second'));
      out.push('</figure>');
    }
    out.push('</section>');
  }
  return out.join('\n');
}

/** Why a capacity bar is only a lower bound, as its label says it. */
const BOUND_WHY: Record<NonNullable<PointRow['capacityBound']>, string> = {
  'sweep-top': 'top of the sweep',
  'generator-stall': "the generator's stalls",
  'in-flight': "the generator's in-flight limit",
};

/** A point's bar, with its VUs when `namesVus`; a capacity that is only a lower bound (top of its sweep, the generator's stalls or in-flight limit) says so. */
function bar(p: PointRow, figure: { estimate: number; low: number; high: number }, namesVus: boolean): Bar {
  const load = namesVus && p.vus !== null ? `, ${p.vus} VUs` : '';
  const capped = p.vus === null && p.capacityBound ? ` (≥: ${BOUND_WHY[p.capacityBound]})` : '';
  return { label: `${p.stack}: ${p.model}${load}${capped}`, estimate: figure.estimate, low: figure.low, high: figure.high, muted: p.verdict !== 'valid' };
}

function evidence(points: readonly PointRow[]): string {
  if (points.length === 0) return '<p class="empty">No point has a result yet.</p>';
  return table(
    ['scenario', 'CPU', 'server CPU', 'stack', 'model', 'load', 'req/s [95 % CI]', 'p99 ms', 'capacity', 'processes', 'RSS / process', 'validity'],
    points.map((p) => [
      escapeHtml(p.scenario),
      String(p.cpus),
      p.serverCpuCores === null ? '–' : p.serverCpuCores.toFixed(2),
      escapeHtml(p.stack),
      escapeHtml(p.model),
      escapeHtml(loadText(p)),
      interval(p.rate),
      p.p99Us === null ? '–' : (p.p99Us / 1000).toFixed(1),
      escapeHtml(capacityText(p, interval)),
      p.serverProcesses === null ? '–' : String(p.serverProcesses),
      mib(p.rssPerProcessBytes),
      escapeHtml(validityText(p)),
    ]),
    [1, 2, 6, 7, 8, 9, 10],
  );
}

function missing(s: ExperimentSummary): string {
  if (s.missing.length === 0) return '';
  return `<h2>Missing points</h2><details><summary>${s.missing.length} points have no result yet</summary><ul>${s.missing.map((id) => `<li><code>${escapeHtml(id)}</code></li>`).join('')}</ul></details>`;
}
