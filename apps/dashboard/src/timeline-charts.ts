import * as Plot from '@observablehq/plot';
import type { DashboardCell, TimelineSummary } from '@lab/report';

const WIDTH = 900;
const HEIGHT = 190;
const X_LABEL = 'second of the measured run';
const ROLE_ORDER = ['server', 'database', 'redis', 'generator'];

/** The metrics of a run's timeline, one panel each, on its own y axis. */
export type TimelineMetric = 'rate' | 'latency' | 'cpu' | 'memory';

/** One per-second point of one series (`null` values are left out, so lines break there). */
interface Point {
  readonly second: number;
  readonly value: number;
  readonly series: string;
}

/** Points of the columns `columns` (series name → per-second values), scaled by `scale`. */
function points(columns: Readonly<Record<string, readonly (number | null)[] | undefined>>, scale = 1): Point[] {
  return Object.entries(columns).flatMap(([series, values]) =>
    (values ?? []).flatMap((value, second) => (value === null ? [] : [{ second, value: value * scale, series }])),
  );
}

const byRole = (columns: Readonly<Partial<Record<string, readonly (number | null)[]>>>) =>
  Object.fromEntries(Object.entries(columns).sort(([a], [b]) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b)));

/** A `<figure class="timeline-panel" data-metric>` with a caption and a plot, or a note when there is nothing to draw. */
function panel(
  metric: TimelineMetric,
  caption: string,
  data: Point[],
  y: Plot.ScaleOptions,
  seconds: number,
  extra: Plot.Markish[] = [],
  note = 'Not recorded for this run.',
): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'timeline-panel';
  figure.dataset['metric'] = metric;
  const title = document.createElement('figcaption');
  title.textContent = caption;
  figure.append(title);
  if (data.length === 0) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = note;
    figure.append(p);
    return figure;
  }
  figure.append(
    Plot.plot({
      width: WIDTH,
      height: HEIGHT,
      marginLeft: 64,
      marginRight: 20,
      x: { label: X_LABEL, domain: [0, Math.max(1, seconds - 1)], grid: true },
      y: { grid: true, nice: true, ...y },
      color: { legend: true, domain: [...new Set(data.map((d) => d.series))] },
      marks: [Plot.line(data, { x: 'second', y: 'value', stroke: 'series', marker: 'dot' }), ...extra],
    }),
  );
  return figure;
}

/**
 * The per-second timeline of one run of a cell, one panel per metric, each with its own axes:
 * completed and failed requests per second (with the second from which the rate no longer falls
 * below its final level minus its band, `warmupOf`, when known), p50 and p99 latency (ms, log scale), busy CPU cores per
 * role and resident memory (MiB) per role.
 */
export function timelinePanels(cell: DashboardCell, timeline: TimelineSummary): HTMLElement {
  const container = document.createElement('div');
  container.className = 'timeline-panels';
  const { seconds } = timeline;
  const settled = cell.settledAtSecond[timeline.run];
  const rate = points({ 'req/s': timeline.requests, ...(timeline.errors?.some((e) => e > 0) ? { 'failed/s': timeline.errors } : {}) });
  const marker: Plot.Markish[] =
    settled === undefined
      ? []
      : settled === null
        ? [Plot.text([`not settled by second ${seconds - 1}`], { frameAnchor: 'top-right', dy: 4, dx: -4 })]
        : [
            Plot.ruleX([settled], { stroke: '#b03030', strokeDasharray: '4,3' }),
            Plot.text([`steady from second ${settled}`], {
              x: settled,
              frameAnchor: 'top',
              textAnchor: settled > seconds * 0.6 ? 'end' : 'start',
              dx: settled > seconds * 0.6 ? -4 : 4,
              dy: 4,
              fill: '#b03030',
            }),
          ];
  container.append(
    panel('rate', 'Rate: completed (and failed) requests per second', rate, { label: 'requests per second', zero: true }, seconds, [
      ...marker,
      Plot.ruleY([0]),
    ]),
    panel(
      'latency',
      'Latency: p50 and p99 of each second',
      points({ p50: timeline.p50Us, p99: timeline.p99Us }, 1 / 1000),
      { label: 'latency (ms)', type: 'log', tickFormat: '~g' },
      seconds,
    ),
    panel('cpu', 'CPU per role (busy cores over each second)', points(byRole(timeline.cpuCores)), { label: 'CPU (cores)', zero: true }, seconds, [
      Plot.ruleY([0]),
    ]),
    panel(
      'memory',
      'Memory per role (resident set at the end of each second)',
      points(byRole(timeline.rssBytes), 1 / 1048576),
      { label: 'RSS (MiB)', zero: true },
      seconds,
      [Plot.ruleY([0])],
    ),
  );
  return container;
}
