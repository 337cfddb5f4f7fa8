import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { categoryOfScenarioNumber, endpoints } from '@lab/contract';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, defineScenario } from './define-scenario';
import { runScenario } from './run-scenario';
import { type ContractFakeServer, startContractFake } from './testing/contract-fake-server';

/** The catalogue: every `scenarios/<NN-slug>/scenario.ts`, found on disk (no list kept by hand). */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const scenariosDir = join(root, 'scenarios');
const folders = readdirSync(scenariosDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(scenariosDir, d.name, 'scenario.ts')))
  .map((d) => d.name)
  .sort();

const load = async (folder: string): Promise<Scenario> =>
  ((await import(pathToFileURL(join(scenariosDir, folder, 'scenario.ts')).href)) as { default: Scenario }).default;

const known = new Set(endpoints.map((e) => e.id));

describe('scenario catalogue', () => {
  it('holds 01–27 (16 and 17 with their lettered variants), each folder with a README', () => {
    const numbers = new Set(folders.map((f) => f.slice(0, 2)));
    for (let n = 1; n <= 27; n++) expect(numbers, `scenario ${n}`).toContain(String(n).padStart(2, '0'));
    expect(folders).toEqual(expect.arrayContaining(['16-a-pure-hit', '16-b-pure-miss', '17-a-auth-none', '17-b-auth-jwt', '17-c-auth-session']));
    for (const f of folders) expect(existsSync(join(scenariosDir, f, 'README.md')), f).toBe(true);
  });

  it('typechecks every scenario.ts against @lab/engine', () => {
    const { config } = ts.readConfigFile(join(root, 'tsconfig.base.json'), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
    const program = ts.createProgram(
      folders.map((f) => join(scenariosDir, f, 'scenario.ts')),
      { ...options, noEmit: true, typeRoots: [join(root, 'node_modules/@types')] },
    );
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  }, 60_000);

  describe.each(folders)('%s', (folder) => {
    let scenario: Scenario;
    beforeAll(async () => {
      scenario = await load(folder);
    });

    it('validates, with its folder name as id and the right category', () => {
      // The default export is already defined; validating its spec again must give no problem.
      const { parsedThresholds: _parsed, ...spec } = scenario;
      expect(() => defineScenario(spec)).not.toThrow();
      expect(scenario.id).toBe(folder);
      expect(scenario.category).toBe(categoryOfScenarioNumber(Number(folder.slice(0, 2))));
    });

    it('declares only endpoint ids of the contract', () => {
      expect(scenario.endpoints.filter((id) => !known.has(id))).toEqual([]);
    });
  });
});

describe('scenario catalogue against a fake of the contract', () => {
  let fake: ContractFakeServer;
  beforeAll(async () => {
    fake = await startContractFake();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it.each(folders)('%s sends only its declared endpoints and names only groups it records', async (folder) => {
    const scenario = await load(folder);
    fake.requests.length = 0;
    const result = await runScenario(scenario, { baseUrl: fake.baseUrl, driver: 'native', vus: 1, durationMs: 300, graceMs: 2000 });
    expect(result.requests).toBeGreaterThan(0);
    expect(result.errors.iteration).toBe(0);
    const sent = new Set(fake.requests.map((r) => r.endpoint ?? `unknown: ${r.method} ${r.path}`));
    expect([...sent].filter((id) => !scenario.endpoints.includes(id))).toEqual([]);
    // Every threshold and hypothesis names a group or trend that a run actually produces.
    for (const t of scenario.parsedThresholds) {
      if (t.trend !== undefined) expect(Object.keys(result.trends), t.source).toContain(t.trend);
      if (t.group !== undefined) expect(Object.keys(result.groups), t.source).toContain(t.group);
    }
    for (const h of scenario.hypotheses) expect(Object.keys(result.groups)).toEqual(expect.arrayContaining([h.compare.a, h.compare.b]));
  });
});
