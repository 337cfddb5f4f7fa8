import * as Plot from '@observablehq/plot';
import type { DashboardCell } from '@lab/report';
import { statusOf } from './data';

const WIDTH = 900;
/** Room for facet labels (scenario ids) on the right. */
const FACET_MARGIN = 150;

/** One row per cell across scenarios: `scenario · implementation` (profile added when not default). */
function rowLabel(c: DashboardCell): string {
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
 * req/s per cell as horizontal bars with whiskers for the interval (95 % CI, or the range of 2
 * runs), ONE PANEL PER SCENARIO on its own x scale: a database scenario at 100 req/s stays
 * readable beside a 25,000 req/s one. The left margin fits the longest label, so none is clipped.
 * Tied cells are lighter, invalid cells grey (listed, never ranked).
 */
export function throughputChart(cells: readonly DashboardCell[]): HTMLElement | SVGSVGElement {
  const rows = cells.filter((c) => c.ratePerSec !== null).map((c) => ({ ...c, row: c.profile === 'default' ? c.label : `${c.label} · ${c.profile}`, status: statusOf(c) }));
  return orNote(rows, () => {
    const container = document.createElement('div');
    const scenarios = [...new Set(rows.map((r) => r.scenario))];
    const marginLeft = Math.max(120, ...rows.map((r) => labelWidth(r.row)));
    for (const scenario of scenarios) {
      const inPanel = rows.filter((r) => r.scenario === scenario);
      const figure = document.createElement('figure');
      figure.className = 'scenario-panel';
      figure.dataset['scenario'] = scenario;
      const caption = document.createElement('figcaption');
      caption.textContent = scenario;
      figure.append(
        caption,
        Plot.plot({
          width: WIDTH,
          marginLeft,
          marginRight: 30,
          height: 50 + inPanel.length * 24,
          x: { label: 'req/s (geometric mean of runs; whiskers: 95 % CI, or the range of 2 runs)', grid: true, nice: true },
          y: { label: null, domain: inPanel.map((r) => r.row) },
          color: { ...STATUS_COLORS, legend: scenario === scenarios[0] },
          marks: [
            Plot.barX(inPanel, { x: 'ratePerSec', y: 'row', fill: 'status', title: (d: (typeof rows)[number]) => `${d.row}\n${d.status}` }),
            Plot.ruleY(inPanel, { y: 'row', x1: 'ratePerSecLow', x2: 'ratePerSecHigh', stroke: 'black' }),
            Plot.tickX(inPanel, { y: 'row', x: 'ratePerSecLow', stroke: 'black' }),
            Plot.tickX(inPanel, { y: 'row', x: 'ratePerSecHigh', stroke: 'black' }),
            Plot.ruleX([0]),
          ],
        }),
      );
      container.append(figure);
    }
    return container;
  }, 'No cell with a completed run matches the filter.');
}

/** Latency percentile curves of each cell's merged histogram (one line per cell, per scenario). */
export function latencyChart(cells: readonly DashboardCell[]): HTMLElement | SVGSVGElement {
  const points = cells.flatMap((c) => c.latencyCurve.map((p) => ({ scenario: c.scenario, label: c.label, key: c.key, percentile: `p${p.percentile}`, latencyMs: p.latencyUs / 1000 })));
  const domain = [...new Set(cells.flatMap((c) => c.latencyCurve.map((p) => `p${p.percentile}`)))];
  return orNote(points, () =>
    Plot.plot({
      width: WIDTH,
      height: 80 + new Set(points.map((p) => p.scenario)).size * 220,
      marginRight: FACET_MARGIN,
      x: { type: 'point', domain, label: 'percentile' },
      y: { type: 'log', label: 'latency (ms)', grid: true },
      fy: { label: null },
      color: { legend: true },
      marks: [Plot.line(points, { x: 'percentile', y: 'latencyMs', z: 'key', stroke: 'label', fy: 'scenario', marker: 'dot' })],
    }), 'No merged histogram to draw.');
}

/** Throughput vs p99 latency, one dot per run (a sweep's steps joined by a line). */
export function throughputLatencyChart(cells: readonly DashboardCell[]): HTMLElement | SVGSVGElement {
  const points = cells.flatMap((c) =>
    c.runPoints.filter((p) => p.p99Us !== null).map((p) => ({ scenario: c.scenario, label: c.label, key: c.key, sweep: c.loadKind === 'sweep', ratePerSec: p.ratePerSec, p99Ms: p.p99Us! / 1000 })),
  );
  const sweeps = points.filter((p) => p.sweep).sort((a, b) => a.ratePerSec - b.ratePerSec);
  return orNote(points, () =>
    Plot.plot({
      width: WIDTH,
      height: 80 + new Set(points.map((p) => p.scenario)).size * 200,
      marginRight: FACET_MARGIN,
      x: { label: 'req/s (per run or sweep step)', grid: true },
      y: { label: 'p99 latency (ms)', grid: true },
      fy: { label: null },
      color: { legend: true },
      marks: [
        Plot.line(sweeps, { x: 'ratePerSec', y: 'p99Ms', z: 'key', stroke: 'label', fy: 'scenario' }),
        Plot.dot(points, { x: 'ratePerSec', y: 'p99Ms', stroke: 'label', fy: 'scenario' }),
      ],
    }), 'No run points to draw.');
}

/** Which per-role figure {@link resourceChart} draws. */
export type ResourceFigure = 'cpu' | 'rss';

/** CPU-seconds per 1,000 requests (or peak RSS, MiB) per role, stacked per cell. */
export function resourceChart(cells: readonly DashboardCell[], figure: ResourceFigure = 'cpu'): HTMLElement | SVGSVGElement {
  const rows = cells.flatMap((c) =>
    c.resources.map((r) => ({ row: rowLabel(c), role: r.role, cpu: r.cpuSecondsPer1kRequests, rssMiB: r.peakRssBytes / 1048576 })),
  );
  return orNote(rows, () =>
    Plot.plot({
      width: WIDTH,
      marginLeft: 300,
      height: 60 + cells.length * 24,
      x: { label: figure === 'cpu' ? 'CPU-seconds per 1,000 requests' : 'peak RSS (MiB), stacked over roles', grid: true },
      y: { label: null, domain: [...new Set(rows.map((r) => r.row))] },
      color: { legend: true },
      marks: [
        Plot.barX(rows, Plot.stackX({ x: figure === 'cpu' ? 'cpu' : 'rssMiB', y: 'row', fill: 'role', title: (d: (typeof rows)[number]) => `${d.role}: ${d.cpu} CPU-s/1k req, peak RSS ${d.rssMiB.toFixed(1)} MiB` })),
        Plot.ruleX([0]),
      ],
    }), 'No resource figures recorded.');
}
