import { endpoints as contractEndpoints, type EndpointDef } from '@lab/contract';
import { FuzzError } from './errors';
import { FuzzClient } from './fuzz-client';
import type { Expectation, FuzzRequest } from './fuzz-request';
import { fingerprint, fingerprintChanges, FuzzState, type Fingerprint } from './fuzz-state';
import { planRequests, ROW_MUTATING } from './generate';
import { judgeReply, type FailureKind } from './judge';
import { acceptedAllowSets } from './methods';
import { regressionRequests } from './regressions';
import { viewOf, type FuzzRequestView } from './request-view';

/** How much generated traffic to send: a request count, a wall-time limit, or both (whichever ends first). */
export interface FuzzBudget {
  /** Requests in all, the regression cases included (they always run, even beyond this). */
  requests?: number;
  /** Wall time for the generated requests, milliseconds. */
  durationMs?: number;
}

/** The seed used when none is given: the same requests on every run. */
export const DEFAULT_FUZZ_SEED = 20_251_203;

/** The default budget: 1,500 requests or 60 s, whichever comes first. */
export const DEFAULT_FUZZ_BUDGET: Readonly<Required<FuzzBudget>> = Object.freeze({ requests: 1_500, durationMs: 60_000 });

/** Per-request time limit; an answer that takes longer is a failure. */
export const DEFAULT_FUZZ_TIMEOUT_MS = 5_000;

/** Time limit for the endpoint groups whose valid work legitimately takes long (10,000 single-row commits). */
export const DEFAULT_SLOW_TIMEOUT_MS = 60_000;

/** Endpoint groups that get `slowTimeoutMs`. */
export const SLOW_GROUPS: readonly string[] = ['bulk'];

/** Options of `runFuzz`. */
export interface FuzzOptions {
  /** `http://127.0.0.1:<port>` of the running implementation. */
  baseUrl: string;
  /** Seed of the generated requests (default `DEFAULT_FUZZ_SEED`). */
  seed?: number;
  /** Default `DEFAULT_FUZZ_BUDGET`; a budget with only one of the limits has only that limit. */
  budget?: FuzzBudget;
  /** Per-request time limit (default 5 s). */
  timeoutMs?: number;
  /** Time limit for the `SLOW_GROUPS` endpoints (default 60 s). */
  slowTimeoutMs?: number;
  /** Fuzz only the endpoints whose id passes (default: all). */
  only?: (endpointId: string) => boolean;
  /** The API the server serves (default: the contract's 60 endpoints). */
  endpoints?: readonly EndpointDef[];
  /** When given, the tables the API can change are fingerprinted before and after: any difference is a failure. */
  databaseUrl?: string;
  /** The readiness probe, also used to tell a dead server from a slow request (default `/health`). */
  readinessPath?: string;
  /** Called after every request. */
  onProgress?: (progress: FuzzProgress) => void;
}

/** Progress of a running fuzz stage. */
export interface FuzzProgress {
  done: number;
  planned: number;
  failures: number;
}

/** One request that broke the contract, and how. */
export interface FuzzFailure {
  request: FuzzRequestView;
  /** The status of the answer; null when there was none (timeout, dropped connection). */
  status: number | null;
  problem: string;
  kind: FailureKind;
}

/** What a fuzz stage found. */
export interface FuzzResult {
  /** True when no request broke the contract and the state was restored. */
  passed: boolean;
  /** Where the requests went (`options.baseUrl`). */
  baseUrl: string;
  failures: FuzzFailure[];
  /** Requests sent and judged (regression cases included; setup and restore requests not). */
  requests: number;
  /** Of which regression cases. */
  regressionCases: number;
  /** Requests per expectation. */
  byExpectation: Record<Expectation, number>;
  seed: number;
  budget: FuzzBudget;
  /** Why generation stopped: the request budget, the time budget, or a server that stopped answering. */
  stoppedBy: 'requests' | 'duration' | 'unresponsive';
  durationMs: number;
}

function checkOptions(options: FuzzOptions): { seed: number; budget: FuzzBudget } {
  const seed = options.seed ?? DEFAULT_FUZZ_SEED;
  const budget = options.budget ?? DEFAULT_FUZZ_BUDGET;
  const bad = (what: string) => new FuzzError('LAB_FUZZ_BAD_OPTIONS', what, 'seed: a 32-bit integer; budget: { requests ≥ 0 } and/or { durationMs > 0 }');
  if (!Number.isSafeInteger(seed)) throw bad(`seed must be an integer, got ${seed}`);
  if (budget.requests === undefined && budget.durationMs === undefined) throw bad('the budget needs requests or durationMs');
  if (budget.requests !== undefined && !(Number.isSafeInteger(budget.requests) && budget.requests >= 0))
    throw bad(`budget.requests must be an integer ≥ 0, got ${budget.requests}`);
  if (budget.durationMs !== undefined && !(budget.durationMs > 0)) throw bad(`budget.durationMs must be > 0, got ${budget.durationMs}`);
  return { seed: seed | 0, budget };
}

/** Most generated requests per endpoint when only a time budget is given. */
const ROUNDS_WITHOUT_COUNT = 200;

/**
 * Sends property-based requests derived from the contract's zod schemas to a live implementation
 * and checks every answer: no 5xx, no timeout, no dropped connection, only the statuses the
 * expectation allows among the documented ones (404 for unknown ids, 405 with an exact `Allow`
 * header for methods a path does not serve), bodies that match the documented schema. The fixed
 * regression cases run first, then the generated requests (fixed seed) until the budget is spent.
 * The stage leaves the server as it found it: users it created are deleted, and stocks, bulk rows
 * and Redis are reset when it touched them. Never throws for a wrong server; throws `FuzzError`
 * for bad options.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const { seed, budget } = checkOptions(options);
  const started = performance.now();
  const all = options.endpoints ?? contractEndpoints;
  const selected = all.filter((e) => options.only?.(e.id) ?? true);
  const byId = new Map(all.map((e) => [e.id, e]));
  const timeoutMs = options.timeoutMs ?? DEFAULT_FUZZ_TIMEOUT_MS;
  const slowTimeoutMs = options.slowTimeoutMs ?? DEFAULT_SLOW_TIMEOUT_MS;
  const readiness = options.readinessPath ?? '/health';
  const client = new FuzzClient(options.baseUrl);
  const state = new FuzzState();
  const failures: FuzzFailure[] = [];
  const byExpectation: Record<Expectation, number> = { valid: 0, invalid: 0, 'invalid-body': 0, lenient: 0, method: 0 };
  const fail = (request: FuzzRequest, status: number | null, kind: FailureKind, problem: string) =>
    failures.push({ request: viewOf(request), status, kind, problem });
  let requests = 0;
  let regressionCases = 0;
  let stoppedBy: FuzzResult['stoppedBy'] = 'requests';
  const finish = (): FuzzResult => ({
    passed: failures.length === 0,
    baseUrl: options.baseUrl,
    failures,
    requests,
    regressionCases,
    byExpectation,
    seed,
    budget,
    stoppedBy,
    durationMs: performance.now() - started,
  });

  try {
    if (!(await client.alive(readiness, timeoutMs))) {
      stoppedBy = 'unresponsive';
      failures.push({
        request: viewOf(setupRequest('GET', readiness)),
        status: null,
        kind: 'unresponsive',
        problem: `the server does not answer GET ${readiness}`,
      });
      return finish();
    }
    const before = options.databaseUrl ? await readFingerprint(options.databaseUrl, failures) : undefined;
    const owned = await createOwnedUsers(client, selected, byId, seed, timeoutMs, state, failures);
    const regressions = regressionRequests(selected, all, owned[0] ?? 1);
    const cap = budget.requests ?? ROUNDS_WITHOUT_COUNT * selected.length + regressions.length;
    const plan = [...regressions, ...planRequests(selected, all, { ownedUserIds: owned }, seed, cap - regressions.length)];
    const deadline = budget.durationMs === undefined ? Infinity : started + budget.durationMs;

    for (const request of plan) {
      if (!request.regression && performance.now() > deadline) {
        stoppedBy = 'duration';
        break;
      }
      const def = request.endpoint === null ? undefined : byId.get(request.endpoint);
      const limit = def && SLOW_GROUPS.includes(def.group) ? slowTimeoutMs : timeoutMs;
      const outcome = await client.send(request, limit);
      requests += 1;
      if (request.regression) regressionCases += 1;
      byExpectation[request.expect] += 1;
      if (outcome.ok) {
        state.observe(request, def, outcome.reply);
        const served = request.expect === 'method' ? acceptedAllowSets(all, request.template, request.path.split('?')[0]!) : [];
        for (const j of judgeReply(request, def, served, outcome.reply)) fail(request, outcome.reply.status, j.kind, j.problem);
      } else {
        fail(request, null, outcome.kind, outcome.message);
        if (!(await client.alive(readiness, Math.max(timeoutMs, 5_000)))) {
          stoppedBy = 'unresponsive';
          fail(request, null, 'unresponsive', `the server stopped answering GET ${readiness} after this request; the stage stopped here`);
          break;
        }
      }
      options.onProgress?.({ done: requests, planned: plan.length, failures: failures.length });
    }

    if (stoppedBy !== 'unresponsive') {
      await restore(client, state, timeoutMs, slowTimeoutMs, failures);
      if (before && options.databaseUrl) {
        const after = await readFingerprint(options.databaseUrl, failures);
        if (after) {
          for (const change of fingerprintChanges(before, after)) {
            failures.push({
              request: viewOf(setupRequest('GET', '/')),
              status: null,
              kind: 'state',
              problem: `the database differs after the stage: ${change}`,
            });
          }
        }
      }
    }
    return finish();
  } finally {
    await client.close();
  }
}

function setupRequest(method: string, path: string, body?: unknown): FuzzRequest {
  return {
    method,
    path,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: Buffer.from(JSON.stringify(body)) }),
    endpoint: null,
    template: path,
    expect: 'valid',
    label: 'setup or restore',
  };
}

async function readFingerprint(databaseUrl: string, failures: FuzzFailure[]): Promise<Fingerprint | undefined> {
  try {
    return await fingerprint(databaseUrl);
  } catch (error) {
    failures.push({ request: viewOf(setupRequest('GET', '/')), status: null, kind: 'state', problem: `cannot read the database: ${(error as Error).message}` });
    return undefined;
  }
}

/** Users the stage creates for itself, so that PUT and DELETE have existing rows that are not seeded ones. */
const OWNED_USERS = 3;

async function createOwnedUsers(
  client: FuzzClient,
  selected: readonly EndpointDef[],
  byId: Map<string, EndpointDef>,
  seed: number,
  timeoutMs: number,
  state: FuzzState,
  failures: FuzzFailure[],
): Promise<number[]> {
  const create = byId.get('users.create');
  if (!create || !selected.some((e) => e.id in ROW_MUTATING)) return [];
  const ids: number[] = [];
  for (let i = 0; i < OWNED_USERS; i++) {
    const request = setupRequest('POST', create.path, { name: `fuzz owned ${i}`, email: `fuzz-owned-${i}-${seed >>> 0}@fuzz.example` });
    const outcome = await client.send(request, timeoutMs);
    if (!outcome.ok) {
      failures.push({ request: viewOf(request), status: null, kind: 'setup', problem: `creating a user to fuzz PUT/DELETE with: ${outcome.message}` });
      continue;
    }
    state.observe({ ...request, endpoint: create.id }, create, outcome.reply);
    const id = [...state.createdUserIds].at(-1);
    if (outcome.reply.status === 201 && id !== undefined && !ids.includes(id)) ids.push(id);
    else if (outcome.reply.status >= 500)
      failures.push({
        request: viewOf(request),
        status: outcome.reply.status,
        kind: 'setup',
        problem: `creating a user to fuzz PUT/DELETE with: ${outcome.reply.status}`,
      });
  }
  return ids;
}

async function restore(client: FuzzClient, state: FuzzState, timeoutMs: number, slowTimeoutMs: number, failures: FuzzFailure[]): Promise<void> {
  for (const step of state.restoreSteps()) {
    const request = setupRequest(step.method, step.path);
    const outcome = await client.send(request, step.path.startsWith('/bulk-operations') ? slowTimeoutMs : timeoutMs);
    if (!outcome.ok) failures.push({ request: viewOf(request), status: null, kind: 'cleanup', problem: `restoring the state: ${outcome.message}` });
    else if (!step.ok.includes(outcome.reply.status)) {
      failures.push({
        request: viewOf(request),
        status: outcome.reply.status,
        kind: 'cleanup',
        problem: `restoring the state: status ${outcome.reply.status}, expected ${step.ok.join(' or ')}`,
      });
    }
  }
}
