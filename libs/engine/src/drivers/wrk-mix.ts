import type { Pool } from 'undici';
import type { IterationContext, Scenario, WrkRequest } from '../define-scenario';
import { EngineError } from '../errors';
import { type ClientState, type HttpClient, type HttpResponse, type RequestOptions, clientOf, createHttpClient, encodeBody } from '../http/http-client';
import { createRandom } from '../random';
import type { WrkMixEntry } from './wrk-lua';

/** A wrk mix entry with the tags it was sent with. */
export interface Recorded extends WrkMixEntry {
  group?: string | undefined;
  endpoint?: string | undefined;
}

/** Which replaying driver a derivation is for: it names the driver and its error codes. */
export type MixDriver = 'wrk' | 'loadgen';

const unsupported = (driver: MixDriver, message: string): EngineError =>
  new EngineError(driver === 'wrk' ? 'LAB_WRK_UNSUPPORTED' : 'LAB_LOADGEN_UNSUPPORTED', message);

/** Wraps a client so every request is also written down (for deriving a fixed mix). */
function recordingClient(inner: HttpClient, log: Recorded[], state: ClientState, driver: MixDriver): HttpClient {
  const request: HttpClient['request'] = (method, path, body, opts: RequestOptions = {}) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k.toLowerCase()] = v;
    const encoded = encodeBody(body, headers);
    if (opts.measure === false) {
      throw unsupported(driver, `${method} ${path} is sent unmeasured (measure: false); ${driver} would measure it`);
    }
    log.push({ method, path, headers, body: encoded ?? undefined, weight: 1, group: opts.group ?? state.group, endpoint: opts.endpoint });
    return inner.request(method, path, body, opts);
  };
  return clientOf(request);
}

/** Whether two recorded request lists are identical (bodies compared as bytes). */
export const sameMix = (a: Recorded[], b: Recorded[]): boolean =>
  JSON.stringify(a.map((r) => ({ ...r, body: r.body?.toString('base64') }))) === JSON.stringify(b.map((r) => ({ ...r, body: r.body?.toString('base64') })));

/**
 * Derives a fixed mix (for wrk or the Go load generator) from an iteration that always sends the
 * same requests: runs two unmeasured probe iterations against the server (different VU,
 * iteration and random stream) and compares what they sent.
 */
export async function deriveMix(scenario: Scenario<unknown>, pool: Pool, setupData: unknown, seed: number, driver: MixDriver = 'wrk'): Promise<Recorded[]> {
  const probes: Recorded[][] = [];
  for (const id of [1, 2]) {
    const log: Recorded[] = [];
    const state: ClientState = {};
    const ctx: IterationContext<unknown> = {
      http: recordingClient(createHttpClient(pool, state), log, state, driver),
      check: (_name, ok) => ok,
      group: async (name, fn) => {
        state.group = name;
        try {
          return await fn();
        } finally {
          state.group = undefined;
        }
      },
      record: () => {},
      count: () => {},
      setupData,
    };
    await scenario.iteration(ctx, { id, iteration: id - 1, random: createRandom(seed, 1000 + id), stage: 0 });
    probes.push(log);
  }
  const [a = [], b = []] = probes;
  if (a.length === 0 || !sameMix(a, b)) {
    throw unsupported(driver, `scenario ${scenario.id} sends different requests per iteration, so ${driver} cannot replay it`);
  }
  return a;
}

/** The mix a scenario declares in `wrk.requests`. */
export function fromDeclared(requests: WrkRequest[]): Recorded[] {
  return requests.map((r) => ({
    method: r.method,
    path: r.path,
    headers: r.headers ?? {},
    body: r.body,
    weight: r.weight ?? 1,
    group: r.group,
    endpoint: r.endpoint,
  }));
}

/** A response as a server that answers 200 with an empty body would give it (for offline probes). */
function emptyAnswer(): HttpResponse {
  return { status: 200, ok: true, latencyUs: 0, body: Buffer.alloc(0), text: () => '', json: () => undefined, header: () => undefined };
}

/** A client that sends nothing and answers every request with {@link emptyAnswer}. */
function offlineClient(): HttpClient {
  const request: HttpClient['request'] = async () => emptyAnswer();
  return clientOf(request);
}

/** What an offline probe of an iteration saw. */
export interface OfflineProbe {
  /** The requests of the first probe iteration. */
  requests: Recorded[];
  /** Both probe iterations sent the same requests. */
  same: boolean;
  /** The iteration called `ctx.record` or `ctx.count` (figures a replaying driver cannot produce). */
  recordsFigures: boolean;
}

/**
 * Runs two iterations (VU 1 and 2, iterations 0 and 1, their own random streams, no setup data)
 * against a client that sends nothing and answers 200 with an empty body, and records what they
 * would send. Pure: no I/O. Throws what the iteration throws (LAB_LOADGEN_UNSUPPORTED for a
 * `measure: false` request). An iteration that reads its answers to decide what to send next can
 * look fixed here and still vary against a server; the driver derives the mix again, from the
 * server, before it measures.
 */
export async function probeMixOffline(scenario: Scenario<unknown>, seed: number): Promise<OfflineProbe> {
  const probes: Recorded[][] = [];
  let recordsFigures = false;
  for (const id of [1, 2]) {
    const log: Recorded[] = [];
    const state: ClientState = {};
    const ctx: IterationContext<unknown> = {
      http: recordingClient(offlineClient(), log, state, 'loadgen'),
      check: (_name, ok) => ok,
      group: async (name, fn) => {
        const previous = state.group;
        state.group = name;
        try {
          return await fn();
        } finally {
          state.group = previous;
        }
      },
      record: () => void (recordsFigures = true),
      count: () => void (recordsFigures = true),
      setupData: undefined,
    };
    await scenario.iteration(ctx, { id, iteration: id - 1, random: createRandom(seed, 1000 + id), stage: 0 });
    probes.push(log);
  }
  const [a = [], b = []] = probes;
  return { requests: a, same: sameMix(a, b), recordsFigures };
}
