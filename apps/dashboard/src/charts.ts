import * as Plot from '@observablehq/plot';
import type { DashboardCell } from '@lab/report';
import { statusOf } from './data';

const WIDTH = 900;

/** One row per cell across scenarios: `scenario · implementation` (profile added when not default). */
export function rowLabel(c: DashboardCell): string {
  return `${c.scenario} · ${c.label}${c.profile === 'default' ? '' : ` · ${c.profile}`}`;
}
const STATUS_COLORS = { domain: ['valid', 'valid, tied'], range: ['#2f6fb0', '#8fb3d9'], unknown: '#c0c0c0' };

/** One element per chart; empty charts show a note instead of an empty frame. */
function orNote(cells: readonly unknown[], render: () => SVGSVGElement | HTMLElement, note: string): HTMLElement | SVGSVGElement {
  if (cells.length > 0) return render();
  const p = document.createElement('p');
  p.className = 'empty';
  p.textContent = note;
  return p;
}

/** Approximate width of `text` in Plot's default 10 px sans-serif, with room to spare. */
function labelWidth(text: string): number {
  return Math.ceil(text.length * 6.5) + 16;
}

/**
 * One `<figure class="scenario-panel">` per scenario, each with a plot of its own (so its own x
 * and y scales and axes): a database scenario at 100 req/s or 50 ms stays readable beside a
 * 25,000 req/s, 1 ms one. `render` draws one scenario's rows; `legend` is true for the first.
 */
function scenarioPanels<T extends { scenario: string }>(
  rows: readonly T[],
  render: (inPanel: T[], legend: boolean) => SVGSVGElement | HTMLElement,
): HTMLElement {
  const container = document.createElement('div');
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  for (const scenario of scenarios) {
    const figure = document.createElement('figure');
    figure.className = 'scenario-panel';
    figure.dataset['scenario'] = scenario;
    const caption = document.createElement('figcaption');
    caption.textContent = scenario;
    figure.append(
      caption,
      render(
        rows.filter((r) => r.scenario === scenario),
        scenario === scenarios[0],
      ),
    );
    container.append(figure);
  }
  return container;
}

/**
 * Horizontal-bar {@link scenarioPanels}: a row per `row` label (`rowHeightPx` each), the x axis
 * labelled `xLabel`, and a left margin that fits the longest label of every panel, so none is
 * clipped and the panels line up. `plot` adds the colour scale and the marks.
 */
function rowPanels<T extends { scenario: string; row: string }>(
  rows: readonly T[],
  xLabel: string,
  rowHeightPx: number,
  plot: (inPanel: T[], legend: boolean) => Pick<Plot.PlotOptions, 'color' | 'marks'>,
): HTMLElement {
  const marginLeft = Math.max(120, ...rows.map((r) => labelWidth(r.row)));
  return scenarioPanels(rows, (inPanel, legend) =>
    Plot.plot({
      width: WIDTH,
      marginLeft,
      marginRight: 30,
      height: 50 + inPanel.length * rowHeightPx,
      x: { label: xLabel, grid: true, nice: true },
      y: { label: null, domain: inPanel.map((r) => r.row) },
      ...plot(inPanel, legend),
    }),
  );
}

/** `implementation` plus the profile when it is not the default: a row of a scenario panel. */
function panelRow(c: DashboardCell): string {
  return c.profile === 'default' ? c.label : `${c.label} · ${c.profile}`;
}

/**
 * The overview: scenario × implementation, each cell's req/s as a share of the best valid cell
 * of its scenario (100 % = the best), as a heat map with the percentage written in; invalid cells
 * are grey with ✗. Default configurations only, as the ranked tables.
 */
export function overviewChart(cells: readonly DashboardCell[]): HTMLElement | SVGSVGElement {
  const rows = cells
    .filter((c) => c.variant === 'default' && c.ratePerSec !== null)
    .map((c) => ({
      scenario: c.scenario,
      implementation: c.implementation,
      share: c.verdict === 'valid' ? c.shareOfBest : null,
      text: c.verdict === 'valid' ? (c.shareOfBest === null ? '–' : `${Math.round(c.shareOfBest * 100)} %`) : `✗ ${c.verdict}`,
    }));
  return orNote(
    rows,
    () => {
      const scenarios = [...new Set(rows.map((r) => r.scenario))].sort();
      const impls = [...new Set(rows.map((r) => r.implementation))].sort();
      const marginLeft = Math.max(80, ...scenarios.map(labelWidth));
      const marginBottom = Math.max(40, ...impls.map((i) => Math.ceil(labelWidth(i) * 0.75)));
      return Plot.plot({
        width: WIDTH,
        marginLeft,
        marginBottom,
        marginRight: 20,
        height: marginBottom + 30 + scenarios.length * 28,
        x: { label: null, domain: impls, tickRotate: -35 },
        y: { label: null, domain: scenarios },
        color: { type: 'linear', domain: [0, 1], range: ['#f4f8fc', '#2f6fb0'], unknown: '#d8d8d8' },
        marks: [
          Plot.cell(rows, { x: 'implementation', y: 'scenario', fill: 'share', inset: 1 }),
          Plot.text(rows, {
            x: 'implementation',
            y: 'scenario',
            text: 'text',
            fill: (d: (typeof rows)[number]) => (d.share !== null && d.share > 0.6 ? 'white' : 'black'),
          }),
        ],
      });
    },
    'No cell with a completed run matches the filter.',
  );
}

/**
 * req/s per cell as horizontal bars with whiskers for the interval (95 % CI, or the range of 2
 * runs), one panel per scenario on its own x scale. The left margin fits the longest label, so
 * none is clipped. Tied cells are lighter, invalid cells grey (listed, never ranked).
 */
export function throughputChart(cells: readonly DashboardCell[]): HTMLElement | SVGSVGElement {
  const rows = cells.filter((c) => c.ratePerSec !== null).map((c) => ({ ...c, row: panelRow(c), status: statusOf(c) }));
  return orNote(
    rows,
    () =>
      rowPanels(rows, 'req/s (geometric mean of runs; whiskers: 95 % CI, or the range of 2 runs)', 24, (inPanel, legend) => ({
        color: { ...STATUS_COLORS, legend },
        marks: [
          Plot.barX(inPanel, { x: 'ratePerSec', y: 'row', fill: 'status', title: (d: (typeof rows)[number]) => `${d.row}\n${d.status}` }),
          Plot.ruleY(inPanel, { y: 'row', x1: 'ratePerSecLow', x2: 'ratePerSecHigh', stroke: 'black' }),
          Plot.tickX(inPanel, { y: 'row', x: 'ratePerSecLow', stroke: 'black' }),
          Plot.tickX(inPanel, { y: 'row', x: 'ratePerSecHigh', stroke: 'black' }),
          Plot.ruleX([0]),
        ],
      })),
    'No cell with a completed run matches the filter.',
  );
}

/** Latency distribution of each cell from its merged histogram (percentile curves), one panel per scenario on its own log scale. */
export function latencyChart(cells: readonly DashboardCell[]): HTMLElement | SVGSVGElement {
  const points = cells.flatMap((c) =>
    c.latencyCurve.map((p) => ({ scenario: c.scenario, label: panelRow(c), key: c.key, percentile: `p${p.percentile}`, latencyMs: p.latencyUs / 1000 })),
  );
  const domain = [...new Set(cells.flatMap((c) => c.latencyCurve.map((p) => `p${p.percentile}`)))];
  const labels = [...new Set(points.map((p) => p.label))].sort();
  return orNote(
    points,
    () =>
      scenarioPanels(points, (inPanel) =>
        Plot.plot({
          width: WIDTH,
          height: 260,
          marginLeft: 60,
          x: { type: 'point', domain, label: 'percentile (merged histogram)' },
          y: { type: 'log', label: 'latency (ms)', grid: true },
          // One colour per implementation across every panel.
          color: { domain: labels, legend: true },
          marks: [
            Plot.line(
              inPanel.filter((p) => p.latencyMs > 0),
              { x: 'percentile', y: 'latencyMs', z: 'key', stroke: 'label', marker: 'dot' },
            ),
          ],
        }),
      ),
    'No merged histogram to draw.',
  );
}

/** Throughput vs p99 latency, one dot per run (a sweep's steps joined by a line), one panel per scenario on its own axes. */
export function throughputLatencyChart(cells: readonly DashboardCell[]): HTMLElement | SVGSVGElement {
  const points = cells.flatMap((c) =>
    c.runPoints
      .filter((p) => p.p99Us !== null)
      .map((p) => ({ scenario: c.scenario, label: panelRow(c), key: c.key, sweep: c.loadKind === 'sweep', ratePerSec: p.ratePerSec, p99Ms: p.p99Us! / 1000 })),
  );
  const labels = [...new Set(points.map((p) => p.label))].sort();
  return orNote(
    points,
    () =>
      scenarioPanels(points, (inPanel) => {
        const sweeps = inPanel.filter((p) => p.sweep).sort((a, b) => a.ratePerSec - b.ratePerSec);
        return Plot.plot({
          width: WIDTH,
          height: 240,
          marginLeft: 60,
          x: { label: 'req/s (per run or sweep step)', grid: true, nice: true },
          y: { label: 'p99 latency (ms)', grid: true, nice: true },
          color: { domain: labels, legend: true },
          marks: [
            Plot.line(sweeps, { x: 'ratePerSec', y: 'p99Ms', z: 'key', stroke: 'label' }),
            Plot.dot(inPanel, { x: 'ratePerSec', y: 'p99Ms', stroke: 'label' }),
          ],
        });
      }),
    'No run points to draw.',
  );
}

/** p95 latency per group (k6-style `group`) of each cell, from the merged group histograms, one panel per scenario. */
export function groupP95Chart(cells: readonly DashboardCell[]): HTMLElement | SVGSVGElement {
  const rows = cells.flatMap((c) =>
    Object.entries(c.groupP95Us)
      .filter((e): e is [string, number] => e[1] !== null)
      .map(([group, p95Us]) => ({ scenario: c.scenario, row: `${panelRow(c)} · ${group}`, group, p95Ms: p95Us / 1000 })),
  );
  return orNote(
    rows,
    () =>
      rowPanels(rows, 'p95 latency per group (ms, merged histogram)', 22, (inPanel) => ({
        // Each scenario has its own groups.
        color: { legend: true },
        marks: [Plot.barX(inPanel, { x: 'p95Ms', y: 'row', fill: 'group' }), Plot.ruleX([0])],
      })),
    'No group latencies recorded.',
  );
}

/** Which per-role figure {@link resourceChart} draws. */
export type ResourceFigure = 'cpu' | 'rss';

/** CPU-seconds per 1,000 requests (or peak RSS, MiB) per role, stacked per cell. */
export function resourceChart(cells: readonly DashboardCell[], figure: ResourceFigure = 'cpu'): HTMLElement | SVGSVGElement {
  const rows = cells.flatMap((c) =>
    c.resources.map((r) => ({ row: rowLabel(c), role: r.role, cpu: r.cpuSecondsPer1kRequests, rssMiB: r.peakRssBytes / 1048576 })),
  );
  return orNote(
    rows,
    () =>
      Plot.plot({
        width: WIDTH,
        marginLeft: 300,
        height: 60 + cells.length * 24,
        x: { label: figure === 'cpu' ? 'CPU-seconds per 1,000 requests' : 'peak RSS (MiB), stacked over roles', grid: true },
        y: { label: null, domain: [...new Set(rows.map((r) => r.row))] },
        color: { legend: true },
        marks: [
          Plot.barX(
            rows,
            Plot.stackX({
              x: figure === 'cpu' ? 'cpu' : 'rssMiB',
              y: 'row',
              fill: 'role',
              title: (d: (typeof rows)[number]) => `${d.role}: ${d.cpu} CPU-s/1k req, peak RSS ${d.rssMiB.toFixed(1)} MiB`,
            }),
          ),
          Plot.ruleX([0]),
        ],
      }),
    'No resource figures recorded.',
  );
}
