import { describe, expect, it } from 'vitest';
import { parseManifest, type ImplEntry } from '@lab/manifest';
import { emptyFacts, mergeFacts } from '../facts/implementation-facts';
import { createFixtureWorkspace, fixtureManifest, runLab } from '../testing/fixture-workspace';
import { sectionMarkers } from './generated-section';
import { DOCS_COMMAND, IMPLEMENTATIONS_PAGE, planDocs, type DocsInputs } from './generated-docs';
import { renderScenariosTable } from './readme-tables';

const implEntry = (id: string): ImplEntry => {
  const parsed = parseManifest(fixtureManifest('go'), `implementations/${id}/lab.json`);
  if (!parsed.ok) throw new Error('fixture manifest invalid');
  return { id, root: `implementations/${id}`, dir: `/nowhere/${id}`, manifest: parsed.manifest };
};
const scenario = { id: '01-hello', category: 'basic', title: 'Hello', load: 'closed 10 VUs × 30 s' };
const section = (name: string, content: string) => {
  const { begin, end } = sectionMarkers(name, DOCS_COMMAND);
  return `${begin}\n${content}\n${end}`;
};
const readme = (rows: string[], scenarios = [scenario]) =>
  [
    '# Lab',
    '',
    '## Implementations',
    '',
    '| id | stack |',
    '|---|---|',
    ...rows.map((id) => `| \`${id}\` | something |`),
    '',
    '## Scenarios',
    '',
    section('scenarios', renderScenariosTable(scenarios)),
    '',
  ].join('\n');
const facts = mergeFacts(emptyFacts(), { 'go-chi': { verifiedOn: '2026-12-04', passed: true, statements: [] } });
const inputs = (patch: Partial<DocsInputs> = {}): DocsInputs => ({
  impls: [implEntry('go-chi')],
  scenarios: [scenario],
  facts,
  files: { 'README.md': readme(['go-chi']), [IMPLEMENTATIONS_PAGE]: `# Implementations\n\n${section('implementations', '')}\n` },
  ...patch,
});

describe('planDocs', () => {
  it('fills an empty generated section, leaving the text around it', () => {
    const plan = planDocs(inputs());
    expect(plan.problems).toEqual([]);
    expect(plan.stale.map((s) => s.file)).toEqual([IMPLEMENTATIONS_PAGE]);
    expect(plan.stale[0]?.text).toMatch(
      /^# Implementations\n\n<!-- generated: implementations[^\n]*\n### Defaults\n[\s\S]*`go-chi`[\s\S]*<!-- end generated: implementations -->\n$/,
    );
  });

  it('is up to date once its own output is written back', () => {
    const once = planDocs(inputs());
    const files = { ...inputs().files, ...Object.fromEntries(once.stale.map((s) => [s.file, s.text])) };
    expect(planDocs(inputs({ files }))).toEqual({ stale: [], problems: [] });
  });

  it('fails an implementation without a README row, with the row to add', () => {
    const plan = planDocs(inputs({ impls: [implEntry('go-chi'), implEntry('rust-axum')] }));
    expect(plan.problems).toContainEqual({
      file: 'README.md',
      message: expect.stringContaining('no row for rust-axum'),
      hint: expect.stringContaining('| \\`rust-axum\\` |'),
    });
  });

  it('fails a README row whose implementation is gone', () => {
    const plan = planDocs(inputs({ files: { ...inputs().files, 'README.md': readme(['go-chi', 'java-spring']) } }));
    expect(plan.problems.map((p) => p.message)).toEqual([expect.stringContaining('row for java-spring, which has no implementations/java-spring/lab.json')]);
  });

  it('makes the scenarios table stale when a scenario is added', () => {
    const added = { id: '02-json', category: 'basic', title: 'JSON', load: 'closed 10 VUs × 30 s' };
    const plan = planDocs(inputs({ scenarios: [scenario, added] }));
    expect(plan.stale.find((s) => s.file === 'README.md')?.text).toContain('| `02-json`');
  });

  it('says where the markers go when a generated section is missing', () => {
    const plan = planDocs(inputs({ files: { ...inputs().files, [IMPLEMENTATIONS_PAGE]: '# Implementations\n' } }));
    expect(plan.problems).toEqual([
      {
        file: IMPLEMENTATIONS_PAGE,
        message: 'has no generated section "implementations"',
        hint: expect.stringContaining(sectionMarkers('implementations', DOCS_COMMAND).begin),
      },
    ]);
  });

  it('names an implementation the gate facts do not cover', () => {
    const plan = planDocs(inputs({ facts: emptyFacts() }));
    expect(plan.problems).toEqual([
      { file: 'docs/data/implementation-facts.json', message: expect.stringContaining('go-chi'), hint: expect.stringContaining('verify go-chi --write-facts') },
    ]);
  });
});

describe('lab docs --check', () => {
  it('exits 1 with error[LAB_DOCS_STALE] and the hint for an implementation without a README row', async () => {
    const ws = createFixtureWorkspace();
    try {
      ws.impl('go-chi', fixtureManifest('go'));
      ws.write('README.md', readme([]));
      ws.write(IMPLEMENTATIONS_PAGE, `${section('implementations', '')}\n`);
      const run = await runLab(['docs', '--check', '--workspace', ws.root]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('the Implementations table has no row for go-chi');
      expect(run.stderr).toContain(`${IMPLEMENTATIONS_PAGE}: a generated section is out of date`);
      expect(run.stderr).toMatch(/error\[LAB_DOCS_STALE\]/);
    } finally {
      ws.remove();
    }
  });
});
