import type { Pool } from 'undici';
import type { IterationContext, Scenario, WrkRequest } from '../define-scenario';
import { EngineError } from '../errors';
import { type ClientState, type HttpClient, type RequestOptions, createHttpClient, encodeBody } from '../http/http-client';
import { createRandom } from '../random';
import type { WrkMixEntry } from './wrk-lua';

/** A wrk mix entry with the tags it was sent with. */
export interface Recorded extends WrkMixEntry {
  group?: string | undefined;
  endpoint?: string | undefined;
}

/** Wraps a client so every request is also written down (for deriving a fixed wrk mix). */
function recordingClient(inner: HttpClient, log: Recorded[], state: ClientState): HttpClient {
  const request: HttpClient['request'] = (method, path, body, opts: RequestOptions = {}) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k.toLowerCase()] = v;
    const encoded = encodeBody(body, headers);
    if (opts.measure === false) {
      throw new EngineError('LAB_WRK_UNSUPPORTED', `${method} ${path} is sent unmeasured (measure: false); wrk would measure it`);
    }
    log.push({ method, path, headers, body: encoded ?? undefined, weight: 1, group: opts.group ?? state.group, endpoint: opts.endpoint });
    return inner.request(method, path, body, opts);
  };
  return {
    request,
    get: (p, o) => request('GET', p, undefined, o),
    del: (p, o) => request('DELETE', p, undefined, o),
    post: (p, b, o) => request('POST', p, b, o),
    put: (p, b, o) => request('PUT', p, b, o),
    patch: (p, b, o) => request('PATCH', p, b, o),
  };
}

const same = (a: Recorded[], b: Recorded[]): boolean =>
  JSON.stringify(a.map((r) => ({ ...r, body: r.body?.toString('base64') }))) === JSON.stringify(b.map((r) => ({ ...r, body: r.body?.toString('base64') })));

/**
 * Derives a wrk mix from an iteration that always sends the same requests: runs two unmeasured
 * probe iterations (different VU, iteration and random stream) and compares what they sent.
 */
export async function deriveMix(scenario: Scenario<unknown>, pool: Pool, setupData: unknown, seed: number): Promise<Recorded[]> {
  const probes: Recorded[][] = [];
  for (const id of [1, 2]) {
    const log: Recorded[] = [];
    const state: ClientState = {};
    const ctx: IterationContext<unknown> = {
      http: recordingClient(createHttpClient(pool, state), log, state),
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
  if (a.length === 0 || !same(a, b)) {
    throw new EngineError('LAB_WRK_UNSUPPORTED', `scenario ${scenario.id} sends different requests per iteration, so wrk cannot replay it`);
  }
  return a;
}

/** The mix a scenario declares in `wrk.requests`. */
export function fromDeclared(requests: WrkRequest[]): Recorded[] {
  return requests.map((r) => ({ method: r.method, path: r.path, headers: r.headers ?? {}, body: r.body, weight: r.weight ?? 1, group: r.group, endpoint: r.endpoint }));
}
