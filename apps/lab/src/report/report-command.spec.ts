/** `lab report` as users and Nx run it (`node --import tsx apps/lab/src/main.ts report …`), on the committed fixture results. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runLab } from '../testing/fixture-workspace';
import { defaultResultDirs } from './run-report';

const FIXTURE_RESULTS = 'libs/report/fixtures/results';
/** Outside the workspace: absolute paths must be used as given. */
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'lab-report-'));
  await mkdir(join(out, 'empty'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('lab report', () => {
  it('reads results/published only for the committed workspace report, and results/raw too for a scenario or an implementation', () => {
    expect(defaultResultDirs({ kind: 'workspace' })).toEqual(['results/published']);
    expect(defaultResultDirs({ kind: 'scenario', id: '01-lightweight' })).toEqual(['results/published', 'results/raw']);
    expect(defaultResultDirs({ kind: 'implementation', id: 'go-fiber' })).toEqual(['results/published', 'results/raw']);
  });

  it('writes the workspace markdown and DISCOVERIES.md from fixture results, with ties and invalid cells marked', async () => {
    const md = join(out, 'benchmark-results.md');
    const disc = join(out, 'DISCOVERIES.md');
    const run = await runLab(['report', '--results', FIXTURE_RESULTS, '--out', md, '--discoveries', disc, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ written: [md, disc] });
    const text = await readFile(md, 'utf8');
    const fixture = JSON.parse(await readFile(join(REPO_ROOT, FIXTURE_RESULTS, 'typescript-node-http--01-lightweight.json'), 'utf8'));
    const int = (x: number) => Math.round(x).toLocaleString('en-US');
    expect(text).toContain(`#1 ${int(fixture.stats.estimate)} [${int(fixture.stats.ci.low)}–${int(fixture.stats.ci.high)}]`);
    expect(text).toContain('(generator-bound)');
    expect(await readFile(disc, 'utf8')).toContain('### offset-depth-penalty — **supported**');
  });

  it('reproduces every generated file byte for byte, and fills the README headline between its markers only', async () => {
    const generate = async (dir: string) => {
      await mkdir(join(out, dir), { recursive: true });
      await writeFile(join(out, dir, 'README.md'), 'intro\n<!-- benchmark-headline:start -->\nold\n<!-- benchmark-headline:end -->\noutro\n');
      const files = ['benchmark-results.md', 'DISCOVERIES.md', 'README.md'].map((f) => join(out, dir, f));
      const run = await runLab(['report', '--results', FIXTURE_RESULTS, '--out', files[0]!, '--discoveries', files[1]!, '--readme', files[2]!, '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ written: files });
      return Promise.all(files.map((f) => readFile(f, 'utf8')));
    };
    const [first, second] = [await generate('first'), await generate('second')];
    expect(second).toEqual(first);
    const readme = first[2]!;
    expect(readme.startsWith('intro\n<!-- benchmark-headline:start -->\nFastest valid implementation per scenario')).toBe(true);
    expect(readme.endsWith('\n<!-- benchmark-headline:end -->\noutro\n')).toBe(true);
    expect(readme).not.toContain('old');
    expect(readme).toContain('[benchmark results](benchmark-results.md)');
    expect(readme).toMatch(/\| 01-lightweight +\| typescript-node-http +\|/);
  });

  it('gives each further host class a page of its own, linked from the main one, and never ranks across them', async () => {
    const other = join(out, 'other-host');
    await mkdir(other, { recursive: true });
    const fixture = JSON.parse(await readFile(join(REPO_ROOT, FIXTURE_RESULTS, 'go-fiber--01-lightweight.json'), 'utf8'));
    fixture.provenance.hostFingerprint = { ...fixture.provenance.hostFingerprint, cpuModel: 'Intel(R) Xeon(R) Processor', machineId: 'other-host' };
    await writeFile(join(other, 'go-fiber--01-lightweight.json'), JSON.stringify(fixture));
    const md = join(out, 'pages', 'benchmark-results.md');
    const otherPage = join(out, 'pages', 'results', 'intel-xeon-processor-x2.md');
    const run = await runLab(['report', '--results', FIXTURE_RESULTS, '--results', other, '--out', md, '--discoveries', join(out, 'pages', 'D.md'), '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).written).toEqual([md, otherPage, join(out, 'pages', 'D.md')]);
    const [main, second] = await Promise.all([readFile(md, 'utf8'), readFile(otherPage, 'utf8')]);
    expect(main).toContain('Host class of this page: **AMD EPYC 7B13 ×2** (7 result files');
    expect(main).toContain('[Intel(R) Xeon(R) Processor ×2](results/intel-xeon-processor-x2.md) (1 result file,');
    expect(main).not.toContain('Intel(R) Xeon(R) Processor ×2`');
    expect(second).toContain('Host class of this page: **Intel(R) Xeon(R) Processor ×2** (1 result file,');
    expect(second).toContain('[AMD EPYC 7B13 ×2](../benchmark-results.md)');
    expect(second).toContain('Generated from 1 result file ');
  });

  it('writes an absolute --out where it says, not under the workspace', async () => {
    const md = join(out, 'nested', 'absolute.md');
    const run = await runLab(['report', '--scope', 'scenario:09-db-pagination', '--results', FIXTURE_RESULTS, '--out', md]);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(md, 'utf8')).toContain('# Benchmark results — scenario 09-db-pagination');
    await expect(readFile(join(REPO_ROOT, md), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('writes a "no results yet" page instead of failing when there are no result files', async () => {
    const md = join(out, 'none.md');
    const run = await runLab(['report', '--results', join(out, 'empty'), '--out', md, '--discoveries', join(out, 'none-discoveries.md')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('report: 0 cells (no results yet)');
    expect(await readFile(md, 'utf8')).toContain('**No results yet.**');
  });

  it('exits 2 with error[LAB_USAGE_BAD_VALUE] and a hint on a bad scope', async () => {
    const run = await runLab(['report', '--scope', 'everything']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error\[LAB_USAGE_BAD_VALUE\]: --scope: .*\nhint: /);
  });

  it('documents its flags, defaults and an example in --help', async () => {
    const run = await runLab(['report', '--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--scope', '--results', '--out', '--discoveries', '--readme', '--scenarios-json']) expect(run.stdout + run.stderr).toContain(flag);
    expect(run.stdout + run.stderr).toMatch(/example/i);
  });
});
