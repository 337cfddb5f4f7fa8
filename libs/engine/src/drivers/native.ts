import { Client, Pool } from 'undici';
import type { IterationContext, Scenario, SetupContext, Vu } from '../define-scenario';
import { type ClientState, createHttpClient } from '../http/http-client';
import { runClosed } from '../load/closed';
import type { LoadOutcome } from '../load/load-outcome';
import { SWEEP_DEFAULT_MAX_IN_FLIGHT, plannedDurationMs } from '../load/load-spec';
import { runOpen, runOpenStages } from '../load/open';
import { runSweep } from '../load/sweep';
import { watchEventLoop } from '../metrics/event-loop-stall';
import { Recorder } from '../metrics/recorder';
import { groupDuration, trendKey, unitFromName } from '../metrics/trend';
import { createRandom } from '../random';
import type { DriverResult, SweepResult } from './driver-result';
import { runSetup, runTeardown } from './lifecycle';

/** Progress of a running scenario, reported about once a second. */
export interface Progress {
  elapsedMs: number;
  totalMs: number;
  requests: number;
  errors: number;
  ratePerSec: number;
}

/** Resolved options every driver receives. */
export interface DriverOptions {
  target: URL;
  seed: number;
  graceMs: number;
  signal?: AbortSignal | undefined;
  onProgress?: ((p: Progress) => void) | undefined;
}

interface Session {
  vu: Vu;
  /** The VU's own connection: a VU sends one request at a time, as a k6 or wrk connection does. */
  client: Client;
  state: ClientState;
  ctx: IterationContext<unknown>;
}

/**
 * Runs setup, measured load and teardown with the in-process undici driver. Every VU slot has a
 * Client (one keep-alive connection) of its own, opened on its first request: a shared Pool of
 * that many connections looks for an idle one by scanning them, twice per request, a cost that
 * grows with the requests in flight (docs/engine.md).
 */
export async function runNative(scenario: Scenario<unknown>, opts: DriverOptions): Promise<DriverResult> {
  const load = scenario.load;
  const concurrency = load.kind === 'closed' ? load.vus : (load.maxInFlight ?? SWEEP_DEFAULT_MAX_IN_FLIGHT);
  const origin = opts.target.origin;
  const controlPool = new Pool(origin, { connections: 2, pipelining: 1 });
  const setupCtx: SetupContext = { http: createHttpClient(controlPool, {}), baseUrl: origin, random: createRandom(opts.seed, 0) };
  const sessions = new Map<number, Session>();
  try {
    const setupData = await runSetup(scenario, setupCtx);

    const session = (id: number): Session => {
      let s = sessions.get(id);
      if (!s) {
        const state: ClientState = {};
        const client = new Client(origin, { pipelining: 1, keepAliveTimeout: 30_000 });
        const vu: Vu = { id, iteration: 0, random: createRandom(opts.seed, id), stage: 0 };
        const ctx: IterationContext<unknown> = {
          http: createHttpClient(client, state),
          check: (name, ok) => state.recorder?.check(name, ok) ?? ok,
          group: async (name, fn) => {
            const previous = state.group;
            const rec = state.recorder;
            state.group = name;
            const t0 = performance.now();
            try {
              return await fn();
            } finally {
              rec?.trend(groupDuration(name), performance.now() - t0, 'ms');
              state.group = previous;
            }
          },
          record: (name, value, o = {}) => state.recorder?.trend(trendKey(name, o.group ?? state.group), value, o.unit ?? unitFromName(name)),
          count: (name, by) => state.recorder?.count(name, by),
          setupData,
        };
        sessions.set(id, (s = { vu, client, state, ctx }));
      }
      return s;
    };
    let recorder = new Recorder();
    const runIteration = async (vuId: number, intendedStartMs?: number, stage = 0): Promise<void> => {
      const s = session(vuId);
      s.vu.stage = stage;
      const rec = recorder;
      s.state.recorder = rec;
      s.state.group = undefined;
      s.state.intendedStartMs = intendedStartMs;
      try {
        await scenario.iteration(s.ctx, s.vu);
        if (!rec.closed) rec.iterationsCompleted++;
      } catch {
        rec.iterationError();
      } finally {
        s.vu.iteration++;
      }
    };

    const totalMs = plannedDurationMs(load);
    const t0 = performance.now();
    const totals = new Recorder(t0);
    const progress = opts.onProgress
      ? setInterval(() => {
          const elapsedMs = performance.now() - t0;
          const now = recorder.totals();
          const requests = now.requests + totals.overall.requests;
          opts.onProgress?.({ elapsedMs, totalMs, requests, errors: now.errors + totals.overall.errors, ratePerSec: requests / (elapsedMs / 1000) });
        }, 1000).unref()
      : undefined;
    const cpu0 = process.cpuUsage();
    let outcome: LoadOutcome;
    let sweep: SweepResult | undefined;
    try {
      if (load.kind === 'closed') {
        outcome = await runClosed({ vus: load.vus, durationMs: load.durationMs, graceMs: opts.graceMs, signal: opts.signal, runIteration });
      } else if (load.kind === 'open') {
        outcome = await runOpen({ ...load, graceMs: opts.graceMs, signal: opts.signal, runIteration });
      } else if (load.kind === 'open-stages') {
        outcome = await runOpenStages({ ...load, graceMs: opts.graceMs, signal: opts.signal, runIteration });
      } else {
        let dropped = 0;
        let completed = 0;
        let abandoned = 0;
        const result = await runSweep(load, async (ratePerSec) => {
          recorder = new Recorder();
          const stepStartSecond = Math.floor((performance.now() - t0) / 1000);
          const loop = watchEventLoop();
          const o = await runOpen({
            ratePerSec,
            durationMs: load.stepDurationMs,
            maxInFlight: concurrency,
            graceMs: opts.graceMs,
            signal: opts.signal,
            runIteration,
          });
          const generatorStallMs = loop.stop();
          recorder.closed = true;
          recorder.iterationsDropped = o.dropped;
          dropped += o.dropped;
          completed += o.completed;
          abandoned += o.abandoned;
          const step = recorder;
          totals.merge(step, stepStartSecond);
          return {
            achievedRatePerSec: step.overall.requests / (o.elapsedMs / 1000),
            p99Us: step.overall.hist.totalCount ? step.overall.hist.getValueAtPercentile(99) : 0,
            requests: step.overall.requests,
            failedRequests: step.overall.errors,
            dropped: o.dropped,
            interrupted: o.interrupted,
            generatorStallMs,
          };
        });
        const { interrupted, ...rest } = result;
        sweep = rest;
        recorder = totals;
        outcome = { elapsedMs: performance.now() - t0, completed, dropped, abandoned, interrupted };
      }
    } finally {
      if (progress) clearInterval(progress);
    }
    recorder.closed = true;
    const cpu = process.cpuUsage(cpu0);
    if (load.kind !== 'sweep') recorder.iterationsDropped = outcome.dropped;

    const extras = await runTeardown(scenario, { ...setupCtx, counters: { ...recorder.counters }, checks: structuredClone(recorder.checks) }, setupData);

    const notes: string[] = [];
    if (outcome.abandoned > 0) notes.push(`${outcome.abandoned} iteration(s) still running after the ${opts.graceMs} ms grace were abandoned and not counted`);
    if (outcome.dropped > 0) notes.push(`${outcome.dropped} iteration(s) dropped: maxInFlight reached`);
    notes.push('generatorCpuSeconds is process.cpuUsage() of the whole generator process');
    const overall = recorder.overallJSON();
    return {
      driver: 'native',
      loadKind: load.kind,
      histogramSource: 'hdr',
      durationMs: outcome.elapsedMs,
      requests: overall.requests,
      ratePerSec: overall.requests / (outcome.elapsedMs / 1000),
      bytesReceived: recorder.bytesReceived,
      statuses: recorder.statuses,
      errors: recorder.errors,
      checks: recorder.checks,
      groups: recorder.bucketsJSON(recorder.groups),
      endpoints: recorder.bucketsJSON(recorder.endpoints),
      overall,
      timeline: recorder.timeline(),
      trends: recorder.trendsJSON(),
      counters: { ...recorder.counters },
      extras,
      iterations: { completed: recorder.iterationsCompleted, dropped: outcome.dropped },
      unmeasuredRequests: recorder.unmeasuredRequests,
      inFlightUs: recorder.inFlightUs,
      generatorCpuSeconds: (cpu.user + cpu.system) / 1e6,
      interrupted: outcome.interrupted,
      ...(sweep ? { sweep } : {}),
      notes,
    };
  } finally {
    // Requests abandoned after the grace period fail here, into a closed recorder.
    await Promise.allSettled([...Array.from(sessions.values(), (s) => s.client.destroy()), controlPool.destroy()]);
  }
}
