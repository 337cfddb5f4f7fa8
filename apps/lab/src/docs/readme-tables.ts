import { markdownTable } from 'markdown-table';

/** What the README's scenarios table shows of one scenario. */
export interface ScenarioRow {
  id: string;
  category: string;
  title: string;
  /** The default load in words, e.g. `closed 10 VUs × 30 s`. */
  load: string;
}

/** The README's scenarios table, one row per scenario in id order. */
export function renderScenariosTable(scenarios: readonly ScenarioRow[]): string {
  const escapePipes = (s: string) => s.replace(/\|/g, '\\|');
  return markdownTable([
    ['id', 'category', 'what', 'default load'],
    ...[...scenarios].sort((a, b) => a.id.localeCompare(b.id)).map((s) => [`\`${s.id}\``, s.category, escapePipes(s.title), escapePipes(s.load)]),
  ]);
}

/**
 * The ids in the first column of the first table under the `## <heading>` heading of a markdown
 * text (backticks removed); undefined when there is no such table.
 */
export function tableIdsUnder(markdown: string, heading: string): string[] | undefined {
  const lines = markdown.split('\n');
  const at = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (at < 0) return undefined;
  const rest = lines.slice(at + 1);
  const end = rest.findIndex((l) => l.startsWith('## '));
  const section = end < 0 ? rest : rest.slice(0, end);
  const start = section.findIndex((l) => l.trimStart().startsWith('|'));
  if (start < 0) return undefined;
  const rows: string[] = [];
  for (const line of section.slice(start + 2)) {
    if (!line.trimStart().startsWith('|')) break;
    rows.push(line.split('|')[1]!.trim().replace(/`/g, ''));
  }
  return rows;
}
