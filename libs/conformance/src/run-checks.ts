import type { Check, CheckContext, UpstreamView } from './check';
import { CheckRecorder } from './check';
import type { ContractView, EndpointKey } from './contract-view';
import { endpointKey } from './contract-view';
import { Database } from './database';
import { ContractCaller } from './exchange';
import { HttpClient } from './http-client';
import { RedisView } from './redis';
import type { CheckOutcome, ConformanceOptions, ConformanceReport, Observation, Problem } from './types';

/** Default per-request timeout, milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Default delay of the upstream stub, milliseconds. */
export const DEFAULT_UPSTREAM_DELAY_MS = 100;

/** The stub's `GET /__hits` counter at `url`. */
export function upstreamView(url: string): UpstreamView {
  const base = url.replace(/\/+$/, '');
  return {
    url: base,
    async hits() {
      const res = await fetch(`${base}/__hits`, { signal: AbortSignal.timeout(DEFAULT_TIMEOUT_MS) });
      const body = (await res.json().catch(() => null)) as { hits?: unknown } | null;
      if (!res.ok || typeof body?.hits !== 'number') throw new Error(`the upstream stub's ${base}/__hits answered ${res.status}, not {"hits": n}`);
      return body.hits;
    },
  };
}

/** Why a check cannot run with these options, or undefined when it can. */
function missingFor(check: Check, has: { db: boolean; redis: boolean; upstream: boolean }): string | undefined {
  if (check.needsDatabase && !has.db) return 'needs a databaseUrl';
  if (check.needsRedis && !has.redis) return 'needs a redisUrl';
  if (check.needsUpstream && !has.upstream) return 'needs an upstreamUrl';
  return undefined;
}

/** Chooses the checks `only` selects: a check runs when one of its endpoints is accepted. */
export function selectChecks(checks: readonly Check[], contract: ContractView, only?: (endpointId: string) => boolean): Check[] {
  if (!only) return [...checks];
  const idOf = new Map<EndpointKey, string>(contract.endpoints.map((e) => [endpointKey(e), e.id]));
  return checks.filter((c) => c.endpoints.some((key) => only(idOf.get(key) ?? key)));
}

/**
 * Runs `checks` one after another against a live server (serially: several checks reset
 * shared state or read pg_stat_statements) and assembles the report. Throws only for bad options.
 */
export async function runChecks(checks: readonly Check[], contract: ContractView, options: ConformanceOptions): Promise<ConformanceReport> {
  const http = new HttpClient(options.baseUrl.replace(/\/+$/, ''), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const caller = new ContractCaller(http, contract);
  const db = options.databaseUrl ? new Database(options.databaseUrl) : null;
  const redis = options.redisUrl ? new RedisView(options.redisUrl) : null;
  const upstream = options.upstreamUrl ? upstreamView(options.upstreamUrl) : null;
  const selected = selectChecks(checks, contract, options.only);
  const outcomes: CheckOutcome[] = [];
  const problems: Problem[] = [];
  const observations: Observation[] = [];
  try {
    for (const [index, check] of selected.entries()) {
      const started = performance.now();
      const recorder = new CheckRecorder(check.id);
      const primary = check.endpoints[0] ?? '';
      const skipped = missingFor(check, { db: db !== null, redis: redis !== null, upstream: upstream !== null });
      if (!skipped) {
        const ctx: CheckContext = {
          call: (endpoint, spec) => caller.call(recorder, endpoint, spec),
          db,
          redis,
          upstream,
          contract,
          implId: options.implId,
          upstreamDelayMs: options.upstreamDelayMs ?? DEFAULT_UPSTREAM_DELAY_MS,
          fail: (aspect, endpoint, message, detail) => recorder.report('error', aspect, endpoint, message, detail),
          warn: (aspect, endpoint, message, detail) => recorder.report('warning', aspect, endpoint, message, detail),
          differs: (aspect, endpoint, what, diff) => recorder.differs(aspect, endpoint, what, diff),
          observe: (aspect, endpoint, message, value) => recorder.observations.push({ check: `${check.id}.${aspect}`, endpoint, message, value }),
        };
        try {
          await check.run(ctx);
        } catch (error) {
          // A check bug or an unexpected database failure: reported, and the run goes on.
          recorder.report('error', 'crashed', primary, `check threw: ${(error as Error).stack ?? String(error)}`);
        }
      }
      problems.push(...recorder.problems);
      observations.push(...recorder.observations);
      outcomes.push({
        id: check.id,
        endpoint: primary,
        ok: !recorder.problems.some((p) => p.severity === 'error'),
        durationMs: performance.now() - started,
        ...(skipped ? { skipped } : {}),
      });
      options.onProgress?.({ check: check.id, done: index + 1, total: selected.length });
    }
  } finally {
    await http.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    await redis?.close().catch(() => undefined);
  }
  return {
    passed: !problems.some((p) => p.severity === 'error'),
    checks: outcomes,
    problems,
    framing: [...caller.framing.values()],
    observations,
  };
}
