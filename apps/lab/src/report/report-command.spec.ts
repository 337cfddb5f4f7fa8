/** Runs the report script as users and Nx do (`node --import tsx tools/report/report.ts`) on fixture results. */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = 'tmp/report-test';

function report(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'tools/report/report.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  await rm(join(ROOT, OUT), { recursive: true, force: true });
  await mkdir(join(ROOT, OUT, 'empty'), { recursive: true });
});

describe('tools/report/report.ts', () => {
  it('writes the workspace markdown and DISCOVERIES.md from fixture results, with ties and invalid cells marked', async () => {
    const md = `${OUT}/benchmark-results.md`;
    const disc = `${OUT}/DISCOVERIES.md`;
    const run = await report(['--results', 'libs/report/fixtures/results', '--out', md, '--discoveries', disc]);
    expect(run).toMatchObject({ code: 0, stdout: `${md}\n${disc}\n` });
    const text = await readFile(join(ROOT, md), 'utf8');
    const fixture = JSON.parse(await readFile(join(ROOT, 'libs/report/fixtures/results/typescript-node-http--01-lightweight.json'), 'utf8'));
    const int = (x: number) => Math.round(x).toLocaleString('en-US');
    expect(text).toContain(`#1 ${int(fixture.stats.estimate)} [${int(fixture.stats.ci.low)}–${int(fixture.stats.ci.high)}]`);
    expect(text).toMatch(/#1 [\d,]+ \[[\d,]+–[\d,]+\] ≈/);
    expect(text).toContain('(generator-bound)');
    expect(await readFile(join(ROOT, disc), 'utf8')).toContain('### offset-depth-penalty — **supported**');
  });

  it('writes a "no results yet" page instead of failing when there are no result files', async () => {
    const md = `${OUT}/none.md`;
    const run = await report(['--results', `${OUT}/empty`, '--out', md, '--discoveries', `${OUT}/none-discoveries.md`]);
    expect(run.code).toBe(0);
    expect(await readFile(join(ROOT, md), 'utf8')).toContain('**No results yet.**');
  });

  it('reports one scenario', async () => {
    const md = `${OUT}/scenario.md`;
    const run = await report(['--scope', 'scenario:09-db-pagination', '--results', 'libs/report/fixtures/results', '--out', md]);
    expect(run).toMatchObject({ code: 0, stdout: `${md}\n` });
    expect(await readFile(join(ROOT, md), 'utf8')).toContain('# Benchmark results — scenario 09-db-pagination');
  });

  it('exits 2 with error[LAB_REPORT_INVALID_SCOPE] on a bad scope', async () => {
    const run = await report(['--scope', 'everything']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error\[LAB_REPORT_INVALID_SCOPE\]: .*\nhint: /);
  });
});
