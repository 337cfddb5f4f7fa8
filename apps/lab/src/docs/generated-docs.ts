import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifests, type ImplEntry } from '@lab/manifest';
import { loadScenario } from '@lab/runner';
import { manifestError } from '../commands/select-impl';
import { describeLoad } from '../commands/scenario-plan';
import { FACTS_FILE, readFacts, type ImplementationFacts } from '../facts/implementation-facts';
import { replaceSection, sectionMarkers } from './generated-section';
import { renderImplementationsTables } from './implementations-table';
import { renderScenariosTable, tableIdsUnder, type ScenarioRow } from './readme-tables';

/** The command that rewrites every generated section. */
export const DOCS_COMMAND = 'npm run lab -- docs';
/** The page with the implementations' defaults and statement counts. */
export const IMPLEMENTATIONS_PAGE = 'docs/implementations.md';
const README = 'README.md';

/** Everything the generated docs are made from, read once. */
export interface DocsInputs {
  impls: readonly ImplEntry[];
  scenarios: readonly ScenarioRow[];
  facts: ImplementationFacts;
  /** Current text of each file with a generated section or a checked table, by workspace path. */
  files: Readonly<Record<string, string>>;
}

/** A difference between the docs and what they are made from that `lab docs` cannot repair by itself, or (with --check) any stale section. */
export interface DocsProblem {
  file: string;
  message: string;
  hint: string;
}

/** What `lab docs` would write, and what it cannot fix. */
export interface DocsPlan {
  /** Files whose generated sections differ from what the inputs give, with their new text. */
  stale: Array<{ file: string; text: string }>;
  problems: DocsProblem[];
}

/** Reads the manifests, the scenario definitions, the committed facts and the docs of a workspace. */
export async function readDocsInputs(workspace: string): Promise<DocsInputs> {
  const loaded = loadManifests(workspace);
  if (loaded.problems.length) throw manifestError(loaded.problems);
  const scenarios: ScenarioRow[] = [];
  for (const { id } of loaded.scenarios) {
    const s = await loadScenario(workspace, id);
    scenarios.push({ id: s.id, category: s.category, title: s.title, load: describeLoad(s.load) });
  }
  const read = (file: string) => (existsSync(join(workspace, file)) ? readFileSync(join(workspace, file), 'utf8') : '');
  return { impls: loaded.impls, scenarios, facts: readFacts(workspace), files: { [README]: read(README), [IMPLEMENTATIONS_PAGE]: read(IMPLEMENTATIONS_PAGE) } };
}

/**
 * Compares the docs with their sources: the README's scenarios table and the implementations
 * page's tables are generated (stale when they differ); the README's implementations table is
 * written by hand, so each implementation must have a row and each row an implementation.
 */
export function planDocs(inputs: DocsInputs): DocsPlan {
  const stale: DocsPlan['stale'] = [];
  const problems: DocsProblem[] = [];
  const section = (file: string, name: string, content: string) => {
    const current = inputs.files[file] ?? '';
    const next = replaceSection(current, name, DOCS_COMMAND, content);
    if (next === undefined) {
      const { begin, end } = sectionMarkers(name, DOCS_COMMAND);
      problems.push({
        file,
        message: `has no generated section "${name}"`,
        hint: `put these two lines where the table belongs, then run ${DOCS_COMMAND}:\n${begin}\n${end}`,
      });
    } else if (next !== current) stale.push({ file, text: next });
  };
  section(README, 'scenarios', renderScenariosTable(inputs.scenarios));
  section(IMPLEMENTATIONS_PAGE, 'implementations', renderImplementationsTables(inputs.impls, inputs.facts));

  const rows = tableIdsUnder(inputs.files[README] ?? '', 'Implementations');
  const ids = inputs.impls.map((i) => i.id);
  if (!rows)
    problems.push({
      file: README,
      message: 'has no table under "## Implementations"',
      hint: 'restore the table: | id | stack |, one row per implementations/<id>',
    });
  for (const id of ids.filter((id) => rows && !rows.includes(id))) {
    problems.push({
      file: README,
      message: `the Implementations table has no row for ${id}`,
      hint: `add \`| \\\`${id}\\\` | <framework, ORM/driver, server in a few words> |\` to the table under "## Implementations"`,
    });
  }
  for (const row of (rows ?? []).filter((r) => !ids.includes(r))) {
    problems.push({
      file: README,
      message: `the Implementations table has a row for ${row}, which has no implementations/${row}/lab.json`,
      hint: 'remove the row or fix its id (the folder name)',
    });
  }
  for (const id of ids.filter((id) => !inputs.facts.implementations[id])) {
    problems.push({
      file: FACTS_FILE,
      message: `has no gate facts for ${id}: its statements per request are shown as –`,
      hint: `verify it and record them: npm run lab -- verify ${id} --write-facts`,
    });
  }
  return { stale, problems };
}

/** Writes the stale files of a plan; returns their paths. */
export function writeDocs(workspace: string, plan: DocsPlan): string[] {
  for (const { file, text } of plan.stale) writeFileSync(join(workspace, file), text);
  return plan.stale.map((s) => s.file);
}
