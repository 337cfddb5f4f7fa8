import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { readResultFile, type ResultFile } from '@lab/results';
import { describe, expect, it } from 'vitest';
import { isRunnerError } from './errors';
import { planCell } from './plan-cell';
import { runInterleaved, type InterleavedEvent } from './run-interleaved';
import { WORKSPACE_ROOT, baselineImplementation, crashingImplementation, healthScenario } from './testing/fixtures';
import { leftoverGroups, usePrivateDirs } from './testing/private-dirs';
import { alive, descendants, pidsFromLogs } from './testing/processes';

const dirs = usePrivateDirs('runner-interleave');

const fastOptions = { runs: { min: 2, max: 2 }, warmupMs: 300, quiet: { timeoutMs: 2_000 } };
const plan = (implementation: ReturnType<typeof baselineImplementation>, options: object = fastOptions, scenario = healthScenario()) =>
  planCell({ implementation, scenario, workspaceRoot: WORKSPACE_ROOT, host: { cores: availableParallelism() }, options });
const cellEvents = (events: InterleavedEvent[]) => events.flatMap((e) => (e.type === 'cell' ? [e.event] : []));
const turns = (events: InterleavedEvent[]) => events.flatMap((e) => (e.type === 'turn' ? [`${'AB'[e.cell]}${e.run + 1}@${e.round + 1}`] : []));

describe('runInterleaved', () => {
  it('runs two cells A B, B A, writes both results with their runs and leaves nothing behind', async () => {
    const before = await descendants(process.pid);
    const events: InterleavedEvent[] = [];
    const outs = [join(dirs.out, 'a.json'), join(dirs.out, 'b.json')];
    const lockPath = join(dirs.out, 'bench.lock');
    const returned = await runInterleaved([plan(baselineImplementation()), plan(baselineImplementation())], {
      out: (_plan, index) => outs[index],
      lock: { path: lockPath },
      onEvent: (e) => events.push(e),
    });

    expect(turns(events)).toEqual(['A1@1', 'B1@1', 'B2@2', 'A2@2']);
    const [a, b] = await Promise.all(outs.map(readResultFile));
    expect(returned).toEqual([a, b]);
    for (const result of [a!, b!]) {
      expect(result.runs).toHaveLength(2);
      expect(result.runs.every((r) => r.requests > 0)).toBe(true);
      expect(result.validity.verdict).toMatch(/^(valid|generator-bound|noisy|unstable)$/);
      expect(result.extras).toMatchObject({ interleaved: true, interleaveCells: 2, 'gate.passed': true });
    }
    expect(a!.extras['interleaveBlock']).toEqual(expect.any(String));
    expect(b!.extras['interleaveBlock']).toBe(a!.extras['interleaveBlock']);
    // The measured runs started in the order A B, B A.
    const starts = [a!.runs[0]!, b!.runs[0]!, b!.runs[1]!, a!.runs[1]!].map((r) => Date.parse(r.startedAt));
    expect(starts).toEqual([...starts].sort((x, y) => x - y));

    expect(pidsFromLogs(cellEvents(events)).filter(alive)).toEqual([]);
    expect(await descendants(process.pid)).toEqual(before);
    expect(await readdir(dirs.tmp)).toEqual([]);
    expect(existsSync(lockPath)).toBe(false);
    expect(await leftoverGroups()).toEqual([]);
  });

  it('reports a crashing cell and still measures the other', async () => {
    const before = await descendants(process.pid);
    const events: InterleavedEvent[] = [];
    const crashing = plan(
      await crashingImplementation(join(dirs.out, 'crash-fixture')),
      { runs: { min: 1, max: 1 }, warmupMs: 0, skipGate: true, quiet: { timeoutMs: 1_000 } },
      healthScenario({ kind: 'closed', vus: 2, durationMs: 20_000 }),
    );
    const outs = [join(dirs.out, 'crash.json'), join(dirs.out, 'ok.json')];
    const [crashed, ok] = await runInterleaved([crashing, plan(baselineImplementation())], {
      out: (_plan, index) => outs[index],
      lock: { path: join(dirs.out, 'bench.lock') },
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
    expect(await readdir(dirs.tmp)).toEqual([]);
  });

  it('stops every session and writes nothing when aborted during a run', async () => {
    const before = await descendants(process.pid);
    const events: InterleavedEvent[] = [];
    const controller = new AbortController();
    const long = { ...fastOptions, skipGate: true };
    const scenario = healthScenario({ kind: 'closed', vus: 2, durationMs: 30_000 });
    const outs = [join(dirs.out, 'abort-a.json'), join(dirs.out, 'abort-b.json')];
    const error = await runInterleaved([plan(baselineImplementation(), long, scenario), plan(baselineImplementation(), long, scenario)], {
      out: (_plan, index) => outs[index],
      lock: { path: join(dirs.out, 'bench.lock') },
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
    expect(await readdir(dirs.tmp)).toEqual([]);
    expect(await leftoverGroups()).toEqual([]);
  });
});
