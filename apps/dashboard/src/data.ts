import type { DashboardCell, DashboardData } from '@lab/report';

/** Id of the `<script type="application/json">` element the build embeds the data in. */
export const DATA_ELEMENT_ID = 'lab-data';

/** The data the build embedded in the page; an empty data set if there is none (dev server). */
export function readEmbeddedData(doc: Document): DashboardData {
  const text = doc.getElementById(DATA_ELEMENT_ID)?.textContent?.trim();
  if (!text) return { version: 2, hosts: [], profiles: [], scenarios: [], cells: [], tieRule: '' };
  return JSON.parse(text) as DashboardData;
}

/** The current filter: `null` = all values of that dimension. */
export interface Filter {
  readonly scenario: string | null;
  readonly implementation: string | null;
  readonly profile: string | null;
}

/** The cells the filter lets through, in scenario then rank order. */
export function applyFilter(cells: readonly DashboardCell[], filter: Filter): DashboardCell[] {
  return cells
    .filter(
      (c) =>
        (filter.scenario === null || c.scenario === filter.scenario) &&
        (filter.implementation === null || c.implementation === filter.implementation) &&
        (filter.profile === null || c.profile === filter.profile),
    )
    .sort((a, b) => a.scenario.localeCompare(b.scenario) || (a.rank ?? 99) - (b.rank ?? 99) || a.label.localeCompare(b.label));
}

/** `valid`, `valid, tied` or the verdict: how a cell's bar is coloured. */
export function statusOf(cell: DashboardCell): string {
  if (cell.verdict !== 'valid') return `invalid: ${cell.verdict}`;
  return cell.tiedWith.length > 0 ? 'valid, tied' : 'valid';
}
