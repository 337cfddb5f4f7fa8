import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readResultFile, type ResultFile } from '@lab/results';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRunnerError } from './errors';
import { planCell } from './plan-cell';
import { runInterleaved, type InterleavedEvent } from './run-interleaved';
import { WORKSPACE_ROOT, baselineImplementation, crashingImplementation, healthScenario } from './testing/fixtures';
import { alive, descendants, pidsFromLogs } from './testing/processes';

// As in run-cell.spec: a private TMPDIR makes "no temp dirs left" checkable, a private lock keeps
// a real `lab bench` on this machine from making the test wait.
let privateTmp: string;
let outDir: string;
const savedTmp = process.env.TMPDIR;

beforeAll(async () => {
  privateTmp = await mkdtemp(join(tmpdir(), 'runner-interleave-tmp-'));
  await chmod(privateTmp, 0o755); // PostgreSQL runs as `postgres` and must reach its dir
  outDir = await mkdtemp(join(tmpdir(), 'runner-interleave-out-'));
  process.env.TMPDIR = privateTmp;
});

afterAll(async () => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  await rm(privateTmp, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
});

/** cgroup v1 cpu groups this process created and did not remove (none when cgroups are not used). */
async function leftoverGroups(): Promise<string[]> {
  const names = await readdir('/sys/fs/cgroup/cpu').catch(() => [] as string[]);
  return names.filter((n) => n.startsWith(`lab-${process.pid}-`));
}

const fastOptions = { runs: { min: 2, max: 2 }, warmupMs: 300, quiet: { timeoutMs: 2_000 } };
const plan = (implementation: ReturnType<typeof baselineImplementation>, options: object = fastOptions, scenario = healthScenario()) =>
  planCell({ implementation, scenario, workspaceRoot: WORKSPACE_ROOT, host: { cores: availableParallelism() }, options });
const cellEvents = (events: InterleavedEvent[]) => events.flatMap((e) => (e.type === 'cell' ? [e.event] : []));
const turns = (events: InterleavedEvent[]) => events.flatMap((e) => (e.type === 'turn' ? [`${'AB'[e.cell]}${e.run + 1}@${e.round + 1}`] : []));

describe('runInterleaved', () => {
  it('runs two cells A B A B, writes both results with their runs and leaves nothing behind', async () => {
    const before = await descendants(process.pid);
    const events: InterleavedEvent[] = [];
    const outs = [join(outDir, 'a.json'), join(outDir, 'b.json')];
    const lockPath = join(outDir, 'bench.lock');
    const returned = await runInterleaved([plan(baselineImplementation()), plan(baselineImplementation())], {
      out: (_plan, index) => outs[index],
      lock: { path: lockPath },
      onEvent: (e) => events.push(e),
    });

    expect(turns(events)).toEqual(['A1@1', 'B1@1', 'A2@2', 'B2@2']);
    const [a, b] = await Promise.all(outs.map(readResultFile));
    expect(returned).toEqual([a, b]);
    for (const result of [a!, b!]) {
      expect(result.runs).toHaveLength(2);
      expect(result.runs.every((r) => r.requests > 0)).toBe(true);
      expect(result.validity.verdict).toMatch(/^(valid|generator-bound|noisy|unstable)$/);
      expect(result.extras).toMatchObject({ interleaved: true, interleaveCells: 2, 'gate.passed': true });
    }
    // The measured runs started in the order A B A B.
    const starts = [a!.runs[0]!, b!.runs[0]!, a!.runs[1]!, b!.runs[1]!].map((r) => Date.parse(r.startedAt));
    expect(starts).toEqual([...starts].sort((x, y) => x - y));

    expect(pidsFromLogs(cellEvents(events)).filter(alive)).toEqual([]);
    expect(await descendants(process.pid)).toEqual(before);
    expect(await readdir(privateTmp)).toEqual([]);
    expect(existsSync(lockPath)).toBe(false);
    expect(await leftoverGroups()).toEqual([]);
  });

  it('reports a crashing cell and still measures the other', async () => {
    const before = await descendants(process.pid);
    const events: InterleavedEvent[] = [];
    const crashing = plan(
      await crashingImplementation(join(outDir, 'crash-fixture')),
      { runs: { min: 1, max: 1 }, warmupMs: 0, skipGate: true, quiet: { timeoutMs: 1_000 } },
      healthScenario({ kind: 'closed', vus: 2, durationMs: 20_000 }),
    );
    const outs = [join(outDir, 'crash.json'), join(outDir, 'ok.json')];
    const [crashed, ok] = await runInterleaved([crashing, plan(baselineImplementation())], {
      out: (_plan, index) => outs[index],
      lock: { path: join(outDir, 'bench.lock') },
      onEvent: (e) => events.push(e),
    });

    expect(isRunnerError(crashed, 'LAB_IMPL_CRASHED')).toBe(true);
    expect((await readResultFile(outs[0]!)).validity.verdict).toBe('crashed');
    expect(ok).not.toBeInstanceOf(Error);
    expect((ok as ResultFile).runs).toHaveLength(2);
    expect(await readResultFile(outs[1]!)).toEqual(ok);
    expect(turns(events)).toEqual(['A1@1', 'B1@1', 'B2@2']);
    expect(pidsFromLogs(cellEvents(events)).filter(alive)).toEqual([]);
    expect(await descendants(process.pid)).toEqual(before);
    expect(await readdir(privateTmp)).toEqual([]);
  });

  it('stops every session and writes nothing when aborted during a run', async () => {
    const before = await descendants(process.pid);
    const events: InterleavedEvent[] = [];
    const controller = new AbortController();
    const long = { ...fastOptions, skipGate: true };
    const scenario = healthScenario({ kind: 'closed', vus: 2, durationMs: 30_000 });
    const outs = [join(outDir, 'abort-a.json'), join(outDir, 'abort-b.json')];
    const error = await runInterleaved([plan(baselineImplementation(), long, scenario), plan(baselineImplementation(), long, scenario)], {
      out: (_plan, index) => outs[index],
      lock: { path: join(outDir, 'bench.lock') },
      signal: controller.signal,
      onEvent: (e) => {
        events.push(e);
        if (e.type === 'cell' && e.cell === 0 && e.event.type === 'progress') controller.abort();
      },
    }).catch((e: unknown) => e);

    expect(isRunnerError(error, 'LAB_INTERRUPTED')).toBe(true);
    expect(outs.filter((out) => existsSync(out))).toEqual([]);
    expect(pidsFromLogs(cellEvents(events)).filter(alive)).toEqual([]);
    expect(await descendants(process.pid)).toEqual(before);
    expect(await readdir(privateTmp)).toEqual([]);
    expect(await leftoverGroups()).toEqual([]);
  });
});
