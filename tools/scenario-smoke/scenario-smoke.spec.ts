import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findEndpoint } from '@lab/contract';
import { type DriverResult, type HttpClient, type LoadSpec, type Scenario, runScenario } from '@lab/engine';
import { type ManagedProcess, type Stack, findFreePort, spawnManaged, startStack } from '@lab/infra';
import { type ScenarioInfo, type ScenarioLoadProblem, loadScenarios } from '@lab/report';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Smoke test of the catalogue against the reference implementation: every scenario on disk runs
 * briefly against typescript-express (one stack, one server) and must pass every check. It checks
 * behaviour — statuses, bodies, what each scenario sends and reports — never a duration or a rate.
 */

const root = resolve(import.meta.dirname, '../..');
const scenariosDir = join(root, 'scenarios');
const implDir = join(root, 'implementations/typescript-express');

/** Every `scenarios/<id>/scenario.ts` on disk, in order (no list kept by hand). */
const folders = readdirSync(scenariosDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(scenariosDir, d.name, 'scenario.ts')))
  .map((d) => d.name)
  .sort();

/** The parts of the implementation's manifest (lab.json) the smoke test uses. */
interface Manifest {
  build: { command: string };
  start: { command: string };
  env?: Record<string, string>;
}
const manifest = JSON.parse(readFileSync(join(implDir, 'lab.json'), 'utf8')) as Manifest;

/** Length of a closed or open run; open-stages and sweeps are scaled to about twice this. */
const RUN_MS = 1500;
const STAGED_TOTAL_MS = 3000;
/** In-flight iterations may finish (12's iteration alone is thousands of statements). */
const GRACE_MS = 30_000;
/** 2 VUs give a little concurrency without designed contention failures… */
const DEFAULT_VUS = 2;
/**
 * …except where two VUs collide by design: 13 (two VUs decrementing the same product make
 * optimistic/serializable attempts fail).
 */
const SINGLE_VU = new Set(['13-db-transactions']);

/** Extras (and extra trends) a scenario must report beyond its checks. */
const EXPECTED: Record<string, { extras?: string[]; trends?: string[]; zero?: string[]; same?: [string, string][] }> = {
  '11-db-n-plus-one': { extras: ['queriesPerRequest.statements', 'queriesPerRequest.requests', 'queriesPerRequest.all'] },
  '12-db-bulk-operations': {
    trends: ['A. Individual INSERT', 'B. Batch INSERT', 'C. Raw INSERT', 'D. Individual UPDATE', 'E. Bulk UPDATE'].map((g) => `${g}::server_elapsed_ms`),
  },
  '13-db-transactions': {
    extras: ['no-lock', 'pessimistic', 'optimistic', 'serializable'].flatMap((m) => [`${m}.lostUpdates`, `${m}.successRate`, `${m}.finalStock`]),
    // One VU: nothing runs concurrently, so no strategy may lose an update.
    zero: ['no-lock.lostUpdates', 'pessimistic.lostUpdates', 'optimistic.lostUpdates', 'serializable.lostUpdates'],
  },
  '08-concurrent-mixed': { extras: ['users.rowsAtStart', 'users.rowsAtEnd'], same: [['users.rowsAtStart', 'users.rowsAtEnd']] },
  '15-with-cache': { extras: ['cache.hits', 'cache.misses', 'cache.hitRatio', 'cache.declaredHitRatio'] },
  '16-a-pure-hit': { extras: ['cache.hits', 'cache.misses', 'cache.hitRatio'], zero: ['cache.misses'] },
  '16-b-pure-miss': { extras: ['cache.hits', 'cache.misses', 'cache.hitRatio'], zero: ['cache.hits'] },
};

/** What a hypothesis names in one scenario: the groups its run must record, the extras its teardown must report. */
interface HypothesisRef {
  id: string;
  groups: string[];
  extras: string[];
}

/**
 * Every hypothesis of the catalogue (scenario.ts and hypotheses.json, loaded as the report loads
 * them) by the scenario whose run it reads: extras without the `scenario.` prefix the result
 * file adds.
 */
function hypothesisReferences(scenarios: readonly ScenarioInfo[]): Map<string, HypothesisRef[]> {
  const refs = new Map<string, HypothesisRef[]>();
  const add = (scenario: string, ref: HypothesisRef) => refs.set(scenario, [...(refs.get(scenario) ?? []), ref]);
  for (const s of scenarios) {
    for (const h of s.hypotheses ?? []) {
      if ('compare' in h) add(s.id, { id: h.id, groups: [h.compare.a, h.compare.b], extras: [] });
      else if ('compareCells' in h) for (const side of [h.compareCells.a, h.compareCells.b]) add(side.scenario, { id: h.id, groups: [side.group], extras: [] });
      else add(s.id, { id: h.id, groups: [], extras: h.extras.map((e) => e.replace(/^scenario\./, '')) });
    }
  }
  return refs;
}

/** The scenario's load, shortened for a smoke run. */
function smokeLoad(id: string, load: LoadSpec): LoadSpec {
  switch (load.kind) {
    case 'closed':
      return { ...load, vus: SINGLE_VU.has(id) ? 1 : Math.min(load.vus, DEFAULT_VUS), durationMs: RUN_MS };
    case 'open':
      return { ...load, durationMs: RUN_MS };
    case 'open-stages': {
      const total = load.stages.reduce((sum, s) => sum + s.durationMs, 0);
      return { ...load, stages: load.stages.map((s) => ({ ...s, durationMs: Math.max(1, Math.round((s.durationMs * STAGED_TOTAL_MS) / total)) })) };
    }
    case 'sweep': {
      const maxSteps = Math.min(load.maxSteps, 4);
      return { ...load, maxSteps, stepDurationMs: Math.round(STAGED_TOTAL_MS / maxSteps) };
    }
  }
}

/** Wraps a client so that every request sent (measured or not) is written down by contract endpoint id. */
function spyOn(http: HttpClient, sent: Set<string>): HttpClient {
  const note = (method: string, path: string) => sent.add(findEndpoint(method, path)?.id ?? `unknown: ${method} ${path}`);
  return {
    request: (method, path, body, opts) => (note(method, path), http.request(method, path, body, opts)),
    get: (path, opts) => (note('GET', path), http.get(path, opts)),
    del: (path, opts) => (note('DELETE', path), http.del(path, opts)),
    post: (path, body, opts) => (note('POST', path), http.post(path, body, opts)),
    put: (path, body, opts) => (note('PUT', path), http.put(path, body, opts)),
    patch: (path, body, opts) => (note('PATCH', path), http.patch(path, body, opts)),
  };
}

/** The scenario as run by the smoke test: shortened load, every phase's client spied on. */
function smokeScenario(scenario: Scenario<unknown>, sent: Set<string>): Scenario<unknown> {
  const { setup, iteration, teardown } = scenario;
  return {
    ...scenario,
    load: smokeLoad(scenario.id, scenario.load),
    ...(setup ? { setup: (ctx) => setup({ ...ctx, http: spyOn(ctx.http, sent) }) } : {}),
    iteration: (ctx, vu) => iteration({ ...ctx, http: spyOn(ctx.http, sent) }, vu),
    ...(teardown ? { teardown: (ctx, data) => teardown({ ...ctx, http: spyOn(ctx.http, sent) }, data) } : {}),
  } as Scenario<unknown>;
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Statements the server ran (pg_stat_statements) per measured request of the observed endpoints, as the runner reports it. */
async function queriesPerRequest(url: string, endpoints: readonly string[], result: DriverResult): Promise<Record<string, number>> {
  const rows = await sql<{ calls: string }>(
    url,
    `SELECT coalesce(sum(calls), 0)::bigint AS calls FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'`,
  );
  const statements = Number(rows[0]?.calls ?? 0);
  const requests = endpoints.reduce((sum, id) => sum + (result.endpoints[id]?.requests ?? 0), 0);
  return {
    'queriesPerRequest.statements': statements,
    'queriesPerRequest.requests': requests,
    ...(requests > 0 ? { 'queriesPerRequest.all': Number((statements / requests).toFixed(3)) } : {}),
  };
}

/** Runs `command` in `cwd` to completion; throws with its log tail on failure. */
async function runToEnd(command: string, cwd: string): Promise<void> {
  const proc = spawnManaged(command, { cwd });
  const exit = await proc.exited;
  if (exit.code !== 0) throw new Error(`\`${command}\` in ${cwd} exited with ${exit.code ?? exit.signal}:\n${proc.logTail(80)}`);
}

async function waitForHealth(baseUrl: string, server: ManagedProcess, timeoutMs: number): Promise<void> {
  let exited = false;
  void server.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited) {
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`typescript-express ${exited ? 'exited' : `did not answer ${baseUrl}/health within ${timeoutMs / 1000} s`}; its log:\n${server.logTail(80)}`);
}

/** Names and counts of failed checks, for the assertion message. */
function failedChecks(result: DriverResult): string[] {
  return Object.entries(result.checks)
    .filter(([, c]) => c.failed > 0)
    .map(([name, c]) => `${name}: ${c.failed} failed / ${c.passed + c.failed}`);
}

/** The catalogue as the report loads it: every hypothesis of scenario.ts and hypotheses.json, and what could not be loaded. */
let hypothesesNaming = new Map<string, HypothesisRef[]>();
let catalogueProblems: ScenarioLoadProblem[] = [];
beforeAll(async () => {
  const { scenarios, problems } = await loadScenarios(root);
  hypothesesNaming = hypothesisReferences(scenarios);
  catalogueProblems = problems;
});

describe('the hypotheses the report judges', () => {
  it('load from every scenario folder without a problem (scenario.ts and hypotheses.json)', () => {
    expect(catalogueProblems).toEqual([]);
    expect(hypothesesNaming.size).toBeGreaterThan(0);
  });
});

describe('every scenario against typescript-express', () => {
  let stack: Stack | undefined;
  let server: ManagedProcess | undefined;
  let baseUrl = '';

  beforeAll(async () => {
    if (!existsSync(join(implDir, 'dist/main.js'))) await runToEnd(manifest.build.command, implDir);
    stack = await startStack({ postgres: true, redis: true, upstream: true });
    const port = await findFreePort();
    baseUrl = `http://127.0.0.1:${port}`;
    server = spawnManaged(manifest.start.command, {
      cwd: implDir,
      env: { ...manifest.env, ...stack.env(), PORT: String(port), HOST: '127.0.0.1' },
    });
    await waitForHealth(baseUrl, server, 60_000);
  });

  afterAll(async () => {
    await server?.stop();
    await stack?.stop();
  });

  it('finds the catalogue on disk', () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  // In folder order on one database: the smoke test checks behaviour, not numbers, so a scenario
  // that declares `freshDatabasePerRun` (04, 08, 20) runs on the rows earlier scenarios left.
  it.each(folders)('%s', async (folder) => {
    const scenario = ((await import(pathToFileURL(join(scenariosDir, folder, 'scenario.ts')).href)) as { default: Scenario<unknown> }).default;
    expect(scenario.id).toBe(folder);
    const databaseUrl = stack!.databaseUrl!;
    const observed = scenario.observe?.queriesPerRequest;
    if (observed) await sql(databaseUrl, 'SELECT pg_stat_statements_reset()');

    const sent = new Set<string>();
    const result = await runScenario(smokeScenario(scenario, sent), { baseUrl, driver: 'native', seed: 1, graceMs: GRACE_MS });
    const extras: Record<string, unknown> = { ...result.extras, ...(observed ? await queriesPerRequest(databaseUrl, observed.endpoints, result) : {}) };
    const context = `${folder}: statuses ${JSON.stringify(result.statuses)}, errors ${JSON.stringify(result.errors)}; server log:\n${server!.logTail(20)}`;

    // Transport: every request got an answer; no iteration threw.
    const { timeout, connect, reset, other, iteration } = result.errors;
    expect({ timeout, connect, reset, other, iteration }, context).toEqual({ timeout: 0, connect: 0, reset: 0, other: 0, iteration: 0 });
    expect(result.interrupted).toBe(false);
    expect(result.requests, context).toBeGreaterThan(0);

    // Checks: all of them passed.
    const counts = Object.values(result.checks);
    const total = counts.reduce((sum, c) => sum + c.passed + c.failed, 0);
    const passed = counts.reduce((sum, c) => sum + c.passed, 0);
    expect(total, `${folder} recorded no check`).toBeGreaterThan(0);
    expect(passed, `failed checks: ${failedChecks(result).join('; ')}\n${context}`).toBe(total);
    expect(result.errors.non2xx, context).toBe(0);

    // Endpoints: every declared endpoint was sent at least once (measured or not), and nothing else.
    expect(
      [...sent].filter((id) => !scenario.endpoints.includes(id)),
      `${folder} sent undeclared endpoints`,
    ).toEqual([]);
    expect(
      scenario.endpoints.filter((id) => !sent.has(id)),
      `${folder} never sent these declared endpoints`,
    ).toEqual([]);

    // Groups: every group its thresholds and hypotheses name has requests (or trend samples).
    for (const t of scenario.parsedThresholds) {
      if (t.group !== undefined) expect(result.groups[t.group]?.requests ?? 0, `group "${t.group}"`).toBeGreaterThan(0);
      if (t.trend !== undefined) expect(result.trends[t.trend]?.count ?? 0, `trend "${t.trend}"`).toBeGreaterThan(0);
    }
    // …and every group and extra a hypothesis names in this scenario (scenario.ts, its own or another's hypotheses.json).
    for (const ref of hypothesesNaming.get(folder) ?? []) {
      for (const g of ref.groups) expect(result.groups[g]?.requests ?? 0, `hypothesis ${ref.id}: group "${g}"`).toBeGreaterThan(0);
      for (const e of ref.extras) expect(extras, `hypothesis ${ref.id}: extra "${e}"`).toHaveProperty([e]);
    }

    // Extras and extra trends the scenario exists to report.
    const expected = EXPECTED[folder] ?? {};
    expect(
      (expected.extras ?? []).filter((k) => !(k in extras)),
      `${folder} extras: ${JSON.stringify(extras)}`,
    ).toEqual([]);
    expect(
      (expected.trends ?? []).filter((k) => !(result.trends[k]?.count ?? 0)),
      `${folder} trends: ${Object.keys(result.trends).join(', ')}`,
    ).toEqual([]);
    for (const k of expected.zero ?? []) expect(extras[k], `${folder} ${k}`).toBe(0);
    for (const [a, b] of expected.same ?? []) expect(extras[a], `${folder} ${a} vs ${b}`).toBe(extras[b]);

    console.info(
      `${folder}: ${result.requests} requests, checks ${passed}/${total}, groups ${Object.keys(result.groups).length}` +
        (Object.keys(extras).length ? `, extras ${JSON.stringify(extras)}` : ''),
    );
  });
});
