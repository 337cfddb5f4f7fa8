import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseResult, writeResultFile, type ResultFile } from '@lab/results';
import { REPO_ROOT } from '../testing/fixture-workspace';
import { decidePublish, publishCells, requireOneHostClass, scenarioMajor, type MeasureCell, type PublishCell } from './publish-cells';
import { createPhaseClock, overheadRatio } from './phase-clock';

/** A recorded result (the report library's fixture), re-labelled as `cell` measured under its task hash. */
function recorded(cell: PublishCell, verdict: ResultFile['validity'] = { verdict: 'valid', reasons: [] }): ResultFile {
  const r = parseResult(JSON.parse(readFileSync(join(REPO_ROOT, 'libs/report/fixtures/results/typescript-node-http--01-lightweight.json'), 'utf8')), 'fixture');
  return {
    ...r,
    cell: { ...r.cell, ...cell.query.cell },
    provenance: { ...r.provenance, nxTaskHash: cell.query.taskHash, hostFingerprint: { ...r.provenance.hostFingerprint, ...cell.query.host } },
    validity: verdict,
  };
}

const host = { cpuModel: 'Test CPU', cores: 2 };
let dir: string;
const cellOf = (scenario: string, taskHash = `hash-${scenario}`): PublishCell => ({
  name: `node-fake × ${scenario} @ none`,
  query: { taskHash, cell: { implementation: 'node-fake', variant: 'default', scenario, profile: 'none' }, host },
  publishedPath: join(dir, 'node-fake', `${scenario}.json`),
  boundMs: 1_000,
});
let cells: PublishCell[];

/** A fake, instant measurement: a recorded result, or 'interrupted' from the cell named `stopAt` on. */
function fakeMeasure(opts: { stopAt?: string; invalid?: string } = {}) {
  const measured: string[] = [];
  const measure: MeasureCell = async (cell, onEvent) => {
    if (cell.query.cell.scenario === opts.stopAt) return 'interrupted';
    measured.push(cell.query.cell.scenario);
    onEvent({ type: 'phase', phase: 'measure', run: 0 });
    return {
      result: recorded(cell, cell.query.cell.scenario === opts.invalid ? { verdict: 'noisy', reasons: ['background load 0.4 cores > 0.10'] } : undefined),
    };
  };
  return { measure, measured };
}
const quiet = () => {};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lab-publish-'));
  cells = ['01-a', '02-b', '03-c', '04-d'].map((s) => cellOf(s));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('publishCells', () => {
  it('publishes each finished cell at once; interrupted after cell k, a rerun resumes at k+1', async () => {
    const first = fakeMeasure({ stopAt: '03-c' });
    const interrupted = await publishCells(await decidePublish(cells, dir), { measure: first.measure, log: quiet });
    expect(interrupted.interrupted).toBe(true);
    expect(first.measured).toEqual(['01-a', '02-b']);
    expect(interrupted.notReached).toEqual([cells[2]!.name, cells[3]!.name]);
    expect(JSON.parse(readFileSync(cells[1]!.publishedPath, 'utf8')).provenance.nxTaskHash).toBe('hash-02-b');

    const second = fakeMeasure();
    const resumed = await publishCells(await decidePublish(cells, dir), { measure: second.measure, log: quiet });
    expect(second.measured).toEqual(['03-c', '04-d']);
    expect(resumed.skipped.map((s) => s.name)).toEqual([cells[0]!.name, cells[1]!.name]);
    expect(resumed.interrupted).toBe(false);
  });

  it('skips a cell published from the same inputs and measures one published under another task hash', async () => {
    await writeResultFile(cells[0]!.publishedPath, recorded(cells[0]!));
    await writeResultFile(cells[1]!.publishedPath, recorded(cellOf('02-b', 'hash-of-older-code')));
    const decisions = await decidePublish(cells.slice(0, 2), dir);
    expect(decisions.map((d) => d.action)).toEqual(['skip', 'measure']);
    const run = fakeMeasure();
    await publishCells(decisions, { measure: run.measure, log: quiet });
    expect(run.measured).toEqual(['02-b']);
    expect(JSON.parse(readFileSync(cells[1]!.publishedPath, 'utf8')).provenance.nxTaskHash).toBe('hash-02-b');
  });

  it('measures a published noisy cell again and replaces it; unstable only when asked, nothing with none', async () => {
    await writeResultFile(cells[0]!.publishedPath, recorded(cells[0]!, { verdict: 'noisy', reasons: ['background load'] }));
    await writeResultFile(cells[1]!.publishedPath, recorded(cells[1]!, { verdict: 'unstable', reasons: ['CV 17 %'] }));
    const byDefault = await decidePublish(cells.slice(0, 2), dir);
    expect(byDefault).toMatchObject([
      { action: 'measure', replacing: { file: cells[0]!.publishedPath, verdict: 'noisy' } },
      { action: 'skip', publishedFile: cells[1]!.publishedPath },
    ]);
    expect((await decidePublish(cells.slice(0, 2), dir, ['noisy', 'unstable'])).map((d) => d.action)).toEqual(['measure', 'measure']);
    expect((await decidePublish(cells.slice(0, 2), dir, [])).map((d) => d.action)).toEqual(['skip', 'skip']);
    const run = fakeMeasure();
    await publishCells(byDefault, { measure: run.measure, log: quiet });
    expect(run.measured).toEqual(['01-a']);
    expect(JSON.parse(readFileSync(cells[0]!.publishedPath, 'utf8')).validity.verdict).toBe('valid');
  });

  it('does not take a result of another host class as published', async () => {
    await writeResultFile(cells[0]!.publishedPath, recorded({ ...cells[0]!, query: { ...cells[0]!.query, host: { cpuModel: 'Other CPU', cores: 8 } } }));
    expect((await decidePublish(cells.slice(0, 1), dir))[0]!.action).toBe('measure');
  });

  it('publishes an invalid cell with its verdict and reasons', async () => {
    const run = fakeMeasure({ invalid: '02-b' });
    const summary = await publishCells(await decidePublish(cells.slice(0, 2), dir), { measure: run.measure, log: quiet });
    expect(summary.published.map((p) => p.verdict)).toEqual(['valid', 'noisy']);
    expect(JSON.parse(readFileSync(cells[1]!.publishedPath, 'utf8')).validity).toEqual({ verdict: 'noisy', reasons: ['background load 0.4 cores > 0.10'] });
  });

  it('reports a cell that fails without a result and goes on with the next', async () => {
    const measure: MeasureCell = async (cell) =>
      cell.query.cell.scenario === '01-a'
        ? { error: { code: 'LAB_CONFORMANCE_FAILED', message: 'gate', hint: undefined, details: [], exitCode: 1 } }
        : { result: recorded(cell) };
    const summary = await publishCells(await decidePublish(cells.slice(0, 2), dir), { measure, log: quiet });
    expect(summary.failed.map((f) => f.error.code)).toEqual(['LAB_CONFORMANCE_FAILED']);
    expect(summary.published.map((p) => p.name)).toEqual([cells[1]!.name]);
  });
});

describe('scenarioMajor', () => {
  it('orders cells scenario by scenario, keeping the order of scenarios and of implementations', () => {
    const cell = (impl: string, scenario: string) => ({ impl, scenario: { id: scenario } });
    const planned = [cell('a', '03'), cell('a', '01'), cell('b', '03'), cell('b', '01')];
    expect(scenarioMajor(planned).map((c) => `${c.scenario.id}/${c.impl}`)).toEqual(['03/a', '03/b', '01/a', '01/b']);
  });
});

describe('requireOneHostClass', () => {
  it('accepts an empty folder and results of this host class', async () => {
    await expect(requireOneHostClass(dir, host)).resolves.toBeUndefined();
    await writeResultFile(cells[0]!.publishedPath, recorded(cells[0]!));
    await expect(requireOneHostClass(dir, host)).resolves.toBeUndefined();
  });

  it('refuses when results/published holds another host class', async () => {
    await writeResultFile(cells[0]!.publishedPath, recorded(cells[0]!));
    await expect(requireOneHostClass(dir, { cpuModel: 'Other CPU', cores: 8 })).rejects.toMatchObject({ code: 'LAB_PUBLISH_OTHER_HOST_CLASS', exitCode: 2 });
  });
});

describe('phase clock', () => {
  it('gives each phase the time until the next, and overhead over measured time', () => {
    let t = 0;
    const clock = createPhaseClock(() => t);
    const at = (ms: number, phase: 'database' | 'server' | 'quiet' | 'measure' | 'stop') => {
      t = ms;
      clock.onEvent({ type: 'phase', phase, run: 0 });
    };
    at(0, 'database');
    at(1_000, 'server');
    at(4_000, 'quiet');
    at(5_000, 'measure');
    at(15_000, 'stop');
    t = 16_000;
    const times = clock.stop();
    expect(times).toEqual({ database: 1_000, server: 3_000, quiet: 1_000, measure: 10_000, stop: 1_000 });
    expect(overheadRatio(times)).toBeCloseTo(0.6, 10);
    expect(overheadRatio({ server: 5 })).toBeNull();
  });
});
