import { defineCheck } from '../check';
import type { CheckContext } from '../check';
import type { EndpointKey } from '../contract-view';
import type { StatementStat } from '../database';
import { statementKind } from '../database';
import type { CallSpec } from '../exchange';
import type { ConformanceReport } from '../types';
import { objectBody, statementList, statementsUsable, uniqueTag } from './helpers';

/** The id of the check that profiles statements; its observations are `statements.per-request`. */
export const STATEMENTS_CHECK_ID = 'statements';
const OBSERVATION = `${STATEMENTS_CHECK_ID}.per-request`;

/** Requests counted per endpoint, after one uncounted warm-up request. */
export const PROFILED_REQUESTS = 5;

/**
 * What the database saw per request of one endpoint: every statement pg_stat_statements
 * recorded (framework-added BEGIN/ROLLBACK, connection checks such as `SELECT 1`, SET …),
 * not only those on the endpoint's tables.
 */
export interface StatementProfile {
  /** `METHOD /path/{param}`. */
  endpoint: string;
  /** Requests counted (sequential, after a warm-up). */
  requests: number;
  /** Statements per request, all kinds together, to two decimals. */
  perRequest: number;
  /** Statements per request by leading keyword (`SELECT`, `BEGIN`, `ROLLBACK` …), to two decimals. */
  byKind: Record<string, number>;
  /** The statements seen, text shortened, with their calls over all counted requests. */
  statements: Array<{ query: string; calls: number }>;
}

/**
 * The endpoints profiled, one per database-bound endpoint a scenario measures, with the request
 * sent (`i` numbers the request, so a write never repeats a unique value).
 */
export const PROFILED_ENDPOINTS: ReadonlyArray<{ endpoint: EndpointKey; spec: (tag: string, i: number) => CallSpec }> = [
  { endpoint: 'GET /users', spec: () => ({}) },
  { endpoint: 'GET /users/{id}', spec: () => ({ params: { id: 1 } }) },
  { endpoint: 'POST /users', spec: (tag, i) => ({ json: { name: `Statements ${tag} ${i}`, email: `statements-${tag}-${i}@example.com` }, expect: 201 }) },
  { endpoint: 'GET /cache/users/{id}/no-cache', spec: () => ({ params: { id: 2 } }) },
  { endpoint: 'GET /users/offset', spec: () => ({ query: { page: 3, size: 20 } }) },
  { endpoint: 'GET /n-plus-one/eager', spec: () => ({ query: { limit: 5, offset: 0 } }) },
  { endpoint: 'GET /io/db', spec: () => ({}) },
  { endpoint: 'GET /mixed/report', spec: () => ({}) },
];

const round2 = (n: number): number => Number(n.toFixed(2));

/** Statements per request of `requests` requests that together produced `seen`. */
export function profileOf(endpoint: string, requests: number, seen: readonly StatementStat[]): StatementProfile {
  const byKind: Record<string, number> = {};
  let total = 0;
  for (const s of seen) {
    const kind = statementKind(s.query);
    byKind[kind] = (byKind[kind] ?? 0) + s.calls;
    total += s.calls;
  }
  const sorted = Object.entries(byKind).sort(([a], [b]) => a.localeCompare(b));
  return {
    endpoint,
    requests,
    perRequest: round2(total / requests),
    byKind: Object.fromEntries(sorted.map(([k, calls]) => [k, round2(calls / requests)])),
    statements: statementList([...seen].sort((a, b) => b.calls - a.calls || a.query.localeCompare(b.query))),
  };
}

/** Sends `PROFILED_REQUESTS` requests after a warm-up and profiles their statements; null when a request failed. */
async function profile(
  ctx: CheckContext,
  endpoint: EndpointKey,
  spec: (tag: string, i: number) => CallSpec,
  created: number[],
): Promise<StatementProfile | null> {
  const tag = uniqueTag();
  const send = async (i: number): Promise<boolean> => {
    const reply = await ctx.call(endpoint, spec(tag, i));
    const id = objectBody(reply)?.id;
    if (endpoint === 'POST /users' && typeof id === 'number') created.push(id);
    return reply?.ok === true;
  };
  // The warm-up keeps connection set-up and prepared-statement lookups out of the count.
  if (!(await send(0))) return null;
  let answered = true;
  const seen = await ctx.db!.captureStatements(async () => {
    for (let i = 1; i <= PROFILED_REQUESTS; i++) answered = (await send(i)) && answered;
  });
  return answered ? profileOf(endpoint, PROFILED_REQUESTS, seen) : null;
}

/**
 * Statements per request for each profiled endpoint, as pg_stat_statements saw them: a fact of
 * the stack (an ORM's transaction around a read, a connection check before each checkout), not
 * a failure. Recorded as `statements.per-request` observations; `statementProfiles` reads them.
 */
export const statementsPerRequestCheck = defineCheck({
  id: STATEMENTS_CHECK_ID,
  endpoints: PROFILED_ENDPOINTS.map((p) => p.endpoint),
  needsDatabase: true,
  async run(ctx) {
    if (!(await statementsUsable(ctx, PROFILED_ENDPOINTS[0]!.endpoint))) return;
    const created: number[] = [];
    try {
      for (const { endpoint, spec } of PROFILED_ENDPOINTS) {
        const p = await profile(ctx, endpoint, spec, created);
        if (p) ctx.observe('per-request', endpoint, `${p.perRequest} statements per request`, p);
      }
    } finally {
      for (const id of created) await ctx.call('DELETE /users/{id}', { params: { id }, expect: 204 });
    }
  },
});

/** The statement profiles a conformance report holds, in the order they were measured. */
export function statementProfiles(report: Pick<ConformanceReport, 'observations'>): StatementProfile[] {
  return report.observations.filter((o) => o.check === OBSERVATION).map((o) => o.value as StatementProfile);
}

export const statementChecks = [statementsPerRequestCheck];
