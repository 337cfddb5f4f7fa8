/**
 * The dashboard page: reads the data the build embedded, fills the filters, and renders the
 * charts and the table for the current filter. No network: everything is in the page.
 */
import type { DashboardCell } from '@lab/report';
import { groupP95Chart, latencyChart, overviewChart, resourceChart, rowLabel, throughputChart, throughputLatencyChart } from './charts';
import { applyFilter, readEmbeddedData, type Filter } from './data';
import { timelinePanels } from './timeline-charts';
import { downloadCsv, renderTable } from './table';

const data = readEmbeddedData(document);
const ALL = '';

function fillSelect(id: string, values: readonly string[]): HTMLSelectElement {
  const select = document.getElementById(id) as HTMLSelectElement;
  select.replaceChildren(new Option('All', ALL), ...values.map((v) => new Option(v, v)));
  return select;
}

const unique = (values: readonly string[]) => [...new Set(values)].sort();
const selects = {
  scenario: fillSelect('filter-scenario', unique(data.cells.map((c) => c.scenario))),
  implementation: fillSelect('filter-implementation', unique(data.cells.map((c) => c.implementation))),
  profile: fillSelect('filter-profile', unique(data.cells.map((c) => c.profile))),
};

function currentFilter(): Filter {
  const value = (s: HTMLSelectElement) => (s.value === ALL ? null : s.value);
  return { scenario: value(selects.scenario), implementation: value(selects.implementation), profile: value(selects.profile) };
}

function show(id: string, node: Node): void {
  document.getElementById(id)!.replaceChildren(node);
}

const timelineCell = document.getElementById('timeline-cell') as HTMLSelectElement;
const timelineRun = document.getElementById('timeline-run') as HTMLSelectElement;

/** Fills the timeline's cell picker with the filtered cells that have a timeline (keeping the choice when it is still there). */
function fillTimelineCells(cells: readonly DashboardCell[]): void {
  const withTimeline = cells.filter((c) => c.timelines.length > 0);
  const previous = timelineCell.value;
  timelineCell.replaceChildren(...withTimeline.map((c) => new Option(rowLabel(c), c.key)));
  if (withTimeline.some((c) => c.key === previous)) timelineCell.value = previous;
  fillTimelineRuns();
}

/** Fills the run picker with the chosen cell's runs that have a timeline, then draws. */
function fillTimelineRuns(): void {
  const cell = data.cells.find((c) => c.key === timelineCell.value);
  timelineRun.replaceChildren(...(cell?.timelines ?? []).map((t) => new Option(`run ${t.run + 1}`, String(t.run))));
  renderTimeline();
}

function renderTimeline(): void {
  const cell = data.cells.find((c) => c.key === timelineCell.value);
  const timeline = cell?.timelines.find((t) => String(t.run) === timelineRun.value);
  if (!cell || !timeline) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'No cell in the filter has a per-second timeline (result files written before timelines, or measured with wrk, have none).';
    show('chart-timeline', p);
    return;
  }
  show('chart-timeline', timelinePanels(cell, timeline));
}

function render(): void {
  const cells = applyFilter(data.cells, currentFilter());
  document.getElementById('summary')!.textContent =
    data.cells.length === 0
      ? 'No results yet: run the benchmarks, then rebuild the dashboard.'
      : `${cells.length} of ${data.cells.length} cells · hosts: ${data.hosts.map((h) => `${h.id} (${h.cpuModel}, ${h.cores} cores)`).join(', ')}`;
  show('chart-overview', overviewChart(cells));
  show('chart-throughput', throughputChart(cells));
  show('chart-latency', latencyChart(cells));
  show('chart-throughput-latency', throughputLatencyChart(cells));
  show('chart-group-p95', groupP95Chart(cells));
  show('chart-resources', resourceChart(cells, 'cpu'));
  show('chart-memory', resourceChart(cells, 'rss'));
  fillTimelineCells(cells);
  show('table-view', renderTable(cells));
  document.body.dataset['rendered'] = String(cells.length);
}

for (const s of Object.values(selects)) s.addEventListener('change', render);
timelineCell.addEventListener('change', fillTimelineRuns);
timelineRun.addEventListener('change', renderTimeline);
document.getElementById('export-csv')!.addEventListener('click', () => downloadCsv(applyFilter(data.cells, currentFilter())));
document.getElementById('tie-rule')!.textContent = data.tieRule;
render();
