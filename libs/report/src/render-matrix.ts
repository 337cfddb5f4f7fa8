import { SCENARIO_CATEGORIES } from '@lab/contract';
import { markdownTable } from 'markdown-table';
import { cellText } from './format';
import { standingText } from './markers';
import type { CellSummary, ReportModel } from './report-model';

/** Category order of the original lab; unknown categories follow alphabetically. */
export const CATEGORY_ORDER: readonly string[] = SCENARIO_CATEGORIES;

/** Categories present in `cells`, in {@link CATEGORY_ORDER}. */
export function categoriesOf(cells: readonly CellSummary[]): string[] {
  const present = [...new Set(cells.map((c) => c.category))];
  const rank = (c: string) => (CATEGORY_ORDER.includes(c) ? CATEGORY_ORDER.indexOf(c) : CATEGORY_ORDER.length);
  return present.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * Per category, a scenario × implementation matrix of req/s with its interval and markers
 * (one matrix per profile when there are several; rows name the host when there are several).
 */
export function renderMatrices(model: ReportModel, cells: readonly CellSummary[]): string[] {
  const out: string[] = ['## Throughput by category (req/s [95 % CI], geometric mean of runs)', ''];
  const profiles = [...new Set(cells.map((c) => c.profile))].sort();
  const manyHosts = new Set(cells.map((c) => c.hostId)).size > 1;
  for (const category of categoriesOf(cells)) {
    for (const profile of profiles) {
      const inBlock = cells.filter((c) => c.category === category && c.profile === profile);
      if (inBlock.length === 0) continue;
      out.push(`### ${category}${profiles.length > 1 ? ` — profile ${profile}` : ''}`, '');
      const columns = [...new Set(inBlock.map((c) => c.label))].sort();
      const rowKeys = [...new Set(inBlock.map((c) => `${c.scenario}|${c.hostId}`))].sort();
      const rows = rowKeys.map((key) => {
        const [scenario, hostId] = key.split('|') as [string, string];
        const title = model.scenarios.find((s) => s.id === scenario)?.title;
        const head = `${scenario}${title ? ` — ${title}` : ''}${manyHosts ? ` @ ${hostId}` : ''}`;
        return [
          head,
          ...columns.map((label) => {
            const cell = inBlock.find((c) => c.label === label && c.scenario === scenario && c.hostId === hostId);
            return cell ? standingText(cell) : '–';
          }),
        ].map(cellText);
      });
      out.push(markdownTable([['scenario', ...columns], ...rows], { align: ['l', ...columns.map(() => 'r')] }), '');
    }
  }
  return out;
}
