import { createRoleGroups, type CreateRoleGroupsOptions, type RoleGroups } from '@lab/isolation';
import { writeResultFile, type ResultFile } from '@lab/results';
import { assembleResult, repetitionDone, type Extras } from './assemble-result';
import { acquireBenchLock, type BenchLock, type BenchLockOptions } from './bench-lock';
import { cellName } from './describe-plan';
import { isRunnerError, RunnerError } from './errors';
import type { CellEventHandler } from './events';
import { runGate } from './gate';
import { crashed, measureRun } from './measure-run';
import type { CellPlan } from './plan-cell';
import type { MeasuredRun } from './run-record';
import { startServices, type CellServices } from './services';
import { readinessTimeoutMs, startImpl, type RunningServer } from './start-impl';

/** Options of `runCell` (and of every session it opens). */
export interface RunCellOptions {
  /** Aborting stops the load and every process; nothing is written; LAB_INTERRUPTED is thrown. */
  signal?: AbortSignal;
  onEvent?: CellEventHandler;
  /** Write the result file here (atomically). A crashed cell is written too, with verdict `crashed`. */
  out?: string;
  /** The bench lock: options (default: the standard path, wait up to an hour), or false when the caller holds it. */
  lock?: false | BenchLockOptions;
  /** Passed to createRoleGroups (e.g. a mechanism for tests). */
  isolation?: CreateRoleGroupsOptions;
  /** Where NX_TASK_HASH and LAB_MACHINE_ID are read from. Default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Options of {@link openCell}: those of `runCell`, plus figures for the result's `extras`. */
export interface OpenCellOptions extends RunCellOptions {
  /** Added to the result's `extras` (e.g. `interleaved: true`). Default none. */
  extras?: Readonly<Extras>;
}

/**
 * One cell between its setup and its result: the bench lock, role groups and services are up;
 * each `runOnce` measures one run on a fresh database and a freshly started server, so runs of
 * several sessions can be interleaved. Not re-entrant: one call at a time.
 */
export interface CellSession {
  readonly plan: CellPlan;
  /** Measured runs so far. */
  readonly runs: number;
  /** The stop rule: false once the precision target is met (from `runs.min` on), `runs.max` is reached, the server crashed, a run failed or the session is closed. */
  wantsMoreRuns(): boolean;
  /**
   * One run: before the first, the conformance gate on a server and database of its own; then a
   * fresh database cloned from the template, Redis flushed, the server started and ready, quiet
   * gate, warm-up and measured load, the server stopped. A crash ends the session's runs (`finish` reports it); any other failure
   * throws (LAB_INTERRUPTED on abort) and ends them too.
   */
  runOnce(): Promise<void>;
  /**
   * Stops everything (as `close`), then builds the result (provenance, validity, extras) and
   * writes it atomically to `out` when set. Throws LAB_INTERRUPTED on abort (nothing written),
   * LAB_IMPL_CRASHED after writing a `crashed` result, or the error a run failed with.
   */
  finish(): Promise<ResultFile>;
  /** Stops the server, the services, removes the role groups and releases the lock. Idempotent; never throws. */
  close(): Promise<void>;
}

/**
 * Opens a cell (docs/developing.md, "One cell"): takes the bench lock (unless `lock: false`), creates the role
 * groups and starts the services. If that fails, whatever was started is stopped and the error
 * thrown (LAB_INTERRUPTED on abort).
 */
export async function openCell(plan: CellPlan, opts: OpenCellOptions = {}): Promise<CellSession> {
  const { signal, onEvent } = opts;
  const interrupted = (cause?: unknown) => new RunnerError('LAB_INTERRUPTED', `bench of ${cellName(plan)} was interrupted`, { cause });
  const failure = (error: unknown) => (signal?.aborted && !isRunnerError(error, 'LAB_INTERRUPTED') ? interrupted(error) : error);
  const log = (source: 'infra' | 'server') => (line: string) => onEvent?.({ type: 'log', source, line });
  if (signal?.aborted) throw interrupted();
  let lock: BenchLock | undefined;
  let groups: RoleGroups | undefined;
  let services: CellServices | undefined;
  try {
    onEvent?.({ type: 'phase', phase: 'lock' });
    if (opts.lock !== false) lock = await acquireBenchLock({ waitMs: 3_600_000, ...opts.lock, ...(signal ? { signal } : {}) });
    onEvent?.({ type: 'phase', phase: 'infra' });
    groups = await createRoleGroups(plan.profile, opts.isolation);
    services = await startServices(groups, log('infra'));
  } catch (error) {
    await services?.stop();
    await groups?.destroy().catch(() => undefined);
    lock?.release();
    throw failure(error);
  }
  const up = { groups, services };

  const runs: MeasuredRun[] = [];
  let extras: Extras = { 'driver.choice': plan.driverChoice, ...opts.extras };
  let database: string | undefined;
  let server: RunningServer | undefined;
  let precise = false;
  let crash: RunnerError | undefined;
  let failed: unknown;
  let closing: Promise<void> | undefined;

  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await server?.stop().catch(() => undefined);
      await up.services.stop();
      await up.groups.destroy().catch(() => undefined);
      lock?.release();
    })());
  const wantsMoreRuns = () => !closing && !crash && failed === undefined && !precise && runs.length < plan.runs.max;

  /** A fresh clone of the seeded database named `name` (the previous one dropped), Redis flushed, the server started on it. */
  async function freshServer(name: string, run: number): Promise<{ started: RunningServer; databaseUrl: string }> {
    const { groups, services } = up;
    if (signal?.aborted) throw interrupted();
    onEvent?.({ type: 'phase', phase: 'database', run });
    if (database) await services.postgres.dropDatabase(database);
    database = name;
    const databaseUrl = await services.postgres.createDatabase(database, { template: services.template });
    await services.redis.flush();
    onEvent?.({ type: 'phase', phase: 'server', run });
    const urls = { DATABASE_URL: databaseUrl, REDIS_URL: services.redis.url, UPSTREAM_URL: services.upstream.url };
    server = await startImpl({
      impl: plan.implementation,
      env: plan.serverEnv,
      urls,
      wrap: (argv) => groups.wrap('server', argv),
      log: log('server'),
      readyTimeoutMs: readinessTimeoutMs(plan.implementation.manifest.readiness.timeoutMs, plan.profile.roles.server.cpuQuota),
      ...(signal ? { signal } : {}),
    });
    return { started: server, databaseUrl };
  }

  /**
   * The conformance gate, on a server and database of its own that are thrown away afterwards:
   * its writes (restored, but sequences and dead tuples remain) never reach a measured run, so
   * the first run starts from the same state as every other.
   */
  async function gateOnce(): Promise<void> {
    const { started, databaseUrl } = await freshServer('lab_gate', 0);
    try {
      onEvent?.({ type: 'phase', phase: 'gate' });
      const { redis, upstream } = up.services;
      const target = { baseUrl: started.baseUrl, databaseUrl, upstreamDelayMs: upstream.delayMs, redisUrl: redis.url, upstreamUrl: upstream.url };
      const figures = await runGate(plan, target).catch((error: unknown) => {
        if (!started.crash) throw error;
      });
      // A server that died during the gate crashed: that is the cause, not the gate's complaints.
      if (started.crash) throw await crashed(plan, started, up.groups);
      extras = { ...extras, ...figures };
    } finally {
      await started.stop();
      server = undefined;
    }
  }

  async function measureOne(index: number): Promise<void> {
    try {
      if (index === 0 && plan.gate) await gateOnce();
    } catch (error) {
      if (!isRunnerError(error, 'LAB_IMPL_CRASHED')) throw error;
      crash = error;
      return;
    }
    const { started, databaseUrl } = await freshServer(`lab_run_${index + 1}`, index);
    try {
      const { groups, services } = up;
      const ctx = { plan, groups, server: started, pids: services.pids, databaseUrl, index, ...(signal ? { signal } : {}), ...(onEvent ? { onEvent } : {}) };
      runs.push(await measureRun(ctx));
    } catch (error) {
      if (!isRunnerError(error, 'LAB_IMPL_CRASHED')) throw error;
      crash = error;
    } finally {
      onEvent?.({ type: 'phase', phase: 'stop', run: index });
      await started.stop();
      server = undefined;
    }
    if (!crash) precise = repetitionDone(plan, runs, onEvent);
  }

  return {
    plan,
    get runs() {
      return runs.length;
    },
    wantsMoreRuns,
    async runOnce() {
      if (!wantsMoreRuns()) throw new Error(`runOnce: ${cellName(plan)} wants no more runs`);
      try {
        await measureOne(runs.length);
      } catch (error) {
        failed = failure(error);
        throw failed;
      }
    },
    async finish() {
      // Everything is stopped before the result is built, as runCell always did.
      await close();
      if (failed !== undefined) throw failed;
      if (signal?.aborted) throw interrupted();
      const result = await assembleResult({ plan, runs, ...up, extras, crash, env: opts.env ?? process.env });
      if (opts.out) {
        onEvent?.({ type: 'phase', phase: 'write', detail: opts.out });
        await writeResultFile(opts.out, result);
      }
      if (crash) throw crash;
      return result;
    },
    close,
  };
}
