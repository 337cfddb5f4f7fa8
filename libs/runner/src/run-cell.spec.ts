import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { detectMechanism, normalizeProfile } from '@lab/isolation';
import { readResultFile } from '@lab/results';
import { describe, expect, it } from 'vitest';
import { isRunnerError } from './errors';
import type { CellEvent } from './events';
import { planCell } from './plan-cell';
import { runCell } from './run-cell';
import { WORKSPACE_ROOT, baselineImplementation, crashingImplementation, healthScenario, nonConformingImplementation } from './testing/fixtures';
import { leftoverGroups, usePrivateDirs } from './testing/private-dirs';
import { descendants, pidsFromLogs, alive } from './testing/processes';

const dirs = usePrivateDirs('runner-spec');
// The OOM test needs a memory limit the kernel enforces: cgroups this process may write (v1 here; v2 is untested).
const detection = await detectMechanism();
const memoryLimits = detection.mechanism === 'cgroup-v1' || detection.mechanism === 'cgroup-v2';

const fastOptions = { runs: { min: 2, max: 2 }, warmupMs: 300, quiet: { timeoutMs: 2_000 } };

describe('runCell', () => {
  it('measures the baseline end to end and leaves nothing behind', async () => {
    const before = await descendants(process.pid);
    const events: CellEvent[] = [];
    const plan = planCell({
      implementation: baselineImplementation(),
      scenario: healthScenario(undefined, {
        serverMemory: { intervalMs: 200 },
        queriesPerRequest: { from: 'pg_stat_statements', endpoints: ['health', 'n-plus-one.lazy'] },
      }),
      workspaceRoot: WORKSPACE_ROOT,
      host: { cores: availableParallelism() },
      options: fastOptions,
    });
    const out = join(dirs.out, 'typescript-node-http', '00-health-smoke.json');
    const returned = await runCell(plan, { out, lock: { path: join(dirs.out, 'bench.lock') }, onEvent: (e) => events.push(e) });

    const result = await readResultFile(out);
    expect(result).toEqual(returned);
    expect(result.runs).toHaveLength(2);
    expect(result.runs.every((r) => r.requests > 0)).toBe(true);
    expect(result.validity.verdict).toMatch(/^(valid|generator-bound|noisy|unstable)$/);
    expect(Object.keys(result.resources).sort()).toEqual(['database', 'generator', 'redis', 'server']);
    expect(result.resources.server!.cpuSeconds).toBeGreaterThan(0);
    expect(result.resources.server!.peakRssBytes).toBeGreaterThan(0);
    expect(result.extras['gate.passed']).toBe(true);
    expect(result.extras['queriesPerRequest.all']).toBe(0); // /health runs no SQL
    // The per-endpoint probe (outside the load): /health none, the baseline's lazy N+1 is 1 + 20.
    expect(result.extras['queriesPerRequest.health']).toBe(0);
    expect(result.extras['queriesPerRequest.n-plus-one.lazy']).toBe(21);
    expect(result.extras['serverMemory.verdict']).toMatch(/^(stable|leak|insufficient-data)$/);
    expect(result.stats?.runs).toBe(2);
    expect(result.thresholds).toEqual([expect.objectContaining({ expression: 'errors < 1%', ok: true })]);

    const pids = pidsFromLogs(events);
    expect(pids.length).toBeGreaterThanOrEqual(3); // postgres, redis, the server of each run
    expect(pids.filter(alive)).toEqual([]);
    expect(await descendants(process.pid)).toEqual(before);
    expect(await readdir(dirs.tmp)).toEqual([]);
    expect(await leftoverGroups()).toEqual([]);
  });

  it('fails the cell with the cause when the implementation crashes mid-run', async () => {
    const impl = await crashingImplementation(join(dirs.out, 'crash-fixture'));
    const plan = planCell({
      implementation: impl,
      scenario: healthScenario({ kind: 'closed', vus: 2, durationMs: 20_000 }),
      workspaceRoot: WORKSPACE_ROOT,
      host: { cores: availableParallelism() },
      options: { runs: { min: 1, max: 1 }, warmupMs: 0, skipGate: true, quiet: { timeoutMs: 1_000 } },
    });
    const out = join(dirs.out, 'crash-fixture.json');
    const error = await runCell(plan, { out, lock: { path: join(dirs.out, 'bench.lock') } }).catch((e: unknown) => e);
    expect(isRunnerError(error, 'LAB_IMPL_CRASHED')).toBe(true);
    // The cause (the exit code, no memory limit involved) and the server's last output lines.
    expect((error as Error).message).toMatch(/exited during the measurement: code 3; last output:\n {2}crash-fixture: giving up after 500 requests/);
    const result = await readResultFile(out);
    expect(result.validity.verdict).toBe('crashed');
    expect(result.stats).toBeNull();
    expect(await readdir(dirs.tmp)).toEqual([]);
  });

  it.skipIf(!memoryLimits)('reports a server over its memory limit as OOM-killed, with the limit, and leaves nothing behind', async () => {
    const before = await descendants(process.pid);
    const impl = await crashingImplementation(join(dirs.out, 'oom-fixture'), 200, 'allocate');
    const planned = planCell({
      implementation: impl,
      scenario: healthScenario({ kind: 'closed', vus: 2, durationMs: 20_000 }),
      workspaceRoot: WORKSPACE_ROOT,
      host: { cores: availableParallelism() },
      options: { runs: { min: 1, max: 1 }, warmupMs: 0, skipGate: true, quiet: { timeoutMs: 1_000 } },
    });
    const host = { cores: availableParallelism() };
    const profile = normalizeProfile(
      { name: 'oom-test', description: 'a 128 MiB server', minCores: 1, roles: { server: { memoryBytes: 128 * 1024 ** 2 } } },
      host,
    );
    const out = join(dirs.out, 'oom-fixture.json');
    const error = await runCell({ ...planned, profile }, { out, lock: { path: join(dirs.out, 'bench.lock') } }).catch((e: unknown) => e);
    expect(isRunnerError(error, 'LAB_IMPL_CRASHED')).toBe(true);
    expect((error as Error).message).toMatch(
      /exited during the measurement: OOM-killed at its memory limit of 128 MiB \((signal SIGKILL|code 137)\); last output:\n.*allocating after 200 requests/,
    );
    const result = await readResultFile(out);
    expect(result.validity.verdict).toBe('crashed');
    expect(result.validity.reasons.join(' ')).toContain('OOM-killed at its memory limit of 128 MiB');
    expect(await descendants(process.pid)).toEqual(before);
    expect(await readdir(dirs.tmp)).toEqual([]);
    expect(await leftoverGroups()).toEqual([]);
  });

  it('stops everything and writes nothing when aborted mid-run', async () => {
    const before = await descendants(process.pid);
    const events: CellEvent[] = [];
    const controller = new AbortController();
    const plan = planCell({
      implementation: baselineImplementation(),
      scenario: healthScenario({ kind: 'closed', vus: 2, durationMs: 30_000 }),
      workspaceRoot: WORKSPACE_ROOT,
      host: { cores: availableParallelism() },
      options: { ...fastOptions, skipGate: true },
    });
    const out = join(dirs.out, 'aborted.json');
    const onEvent = (e: CellEvent) => {
      events.push(e);
      if (e.type === 'progress') controller.abort();
    };
    const error = await runCell(plan, { out, signal: controller.signal, onEvent, lock: { path: join(dirs.out, 'bench.lock') } }).catch((e: unknown) => e);
    expect(isRunnerError(error, 'LAB_INTERRUPTED')).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dirs.out, 'bench.lock'))).toBe(false);
    expect(pidsFromLogs(events).filter(alive)).toEqual([]);
    expect(await descendants(process.pid)).toEqual(before);
    expect(await readdir(dirs.tmp)).toEqual([]);
  });

  it('fails the cell with the gate problems when the implementation breaks the contract', async () => {
    const plan = planCell({
      implementation: await nonConformingImplementation(join(dirs.out, 'gate-fixture')),
      scenario: healthScenario(),
      workspaceRoot: WORKSPACE_ROOT,
      host: { cores: availableParallelism() },
      options: fastOptions,
    });
    const out = join(dirs.out, 'gate-fixture.json');
    const error = await runCell(plan, { out, lock: { path: join(dirs.out, 'bench.lock') } }).catch((e: unknown) => e);
    expect(isRunnerError(error, 'LAB_CONFORMANCE_FAILED')).toBe(true);
    expect((error as { problems: string[] }).problems.length).toBeGreaterThan(0);
    expect(existsSync(out)).toBe(false);
    expect(await readdir(dirs.tmp)).toEqual([]);
  });

  it.skipIf(!existsSync('/usr/bin/wrk'))('drives wrk (wrapped into the generator group) and records wrk percentiles', async () => {
    const plan = planCell({
      implementation: baselineImplementation(),
      scenario: healthScenario(),
      workspaceRoot: WORKSPACE_ROOT,
      host: { cores: availableParallelism() },
      options: { ...fastOptions, runs: { min: 1, max: 1 }, skipGate: true, driver: 'wrk' },
    });
    const out = join(dirs.out, 'wrk.json');
    await runCell(plan, { out, lock: { path: join(dirs.out, 'bench.lock') } });
    const result = await readResultFile(out);
    expect(result).toMatchObject({
      histogramSource: 'wrk-percentiles',
      histograms: null,
      plan: { driver: 'wrk' },
      stats: { percentilesFrom: 'median-of-runs' },
    });
    expect(result.runs[0]!.percentilesUs!.p50).toBeGreaterThan(0);
    expect(result.resources.generator!.cpuSeconds).toBeGreaterThan(0);
    expect(result.provenance.toolVersions.wrk).toMatch(/wrk/);
    expect(await readdir(dirs.tmp)).toEqual([]);
  });
});
