import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointKey } from './contract-view';
import { labContract, runConformance } from './run-conformance';
import { PROFILED_ENDPOINTS, PROFILED_REQUESTS, statementProfiles } from './checks/statements';
import { startFaultProxy } from './testing/fault-proxy';
import type { FaultName } from './testing/faults';
import { BASELINE_ID, startBaseline, type Baseline } from './testing/start-baseline';
import type { ConformanceReport } from './types';

// One stack for the whole file: PostgreSQL, Redis, the upstream stub and the baseline implementation.
let baseline: Baseline;
beforeAll(async () => {
  baseline = await startBaseline();
});
afterAll(async () => {
  await baseline?.stop();
});

const idByKey = new Map(labContract.endpoints.map((e) => [endpointKey(e), e.id]));

/** The options that point the gate at the baseline and every service it uses. */
function target(): { baseUrl: string; databaseUrl: string; redisUrl: string; upstreamUrl: string; implId: string; upstreamDelayMs: number } {
  const { baseUrl, databaseUrl, redisUrl, upstreamUrl, upstreamDelayMs } = baseline;
  return { baseUrl, databaseUrl, redisUrl, upstreamUrl, implId: BASELINE_ID, upstreamDelayMs };
}

/** `only` for the given endpoint keys (`GET /users`). */
function onlyEndpoints(keys: string[]): (id: string) => boolean {
  const ids = new Set(keys.map((k) => idByKey.get(k) ?? k));
  return (id) => ids.has(id);
}

function summary(report: ConformanceReport): string {
  return report.problems.map((p) => `${p.severity} ${p.check} ${p.endpoint}: ${p.message}`).join('\n');
}

describe('the baseline implementation', () => {
  it('passes every check with no error', async () => {
    const report = await runConformance(target());
    expect(
      report.problems.filter((p) => p.severity === 'error'),
      summary(report),
    ).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.checks.every((c) => c.ok && !c.skipped)).toBe(true);
    // Every endpoint of the contract was exercised and its framing recorded.
    expect(report.framing.map((f) => f.endpoint).sort()).toEqual([...idByKey.keys()].sort());
  }, 300_000);
});

describe('statements per request', () => {
  it('profiles every listed endpoint with what the baseline sends: one SELECT per read, one INSERT per create, no transaction', async () => {
    const report = await runConformance({ ...target(), only: onlyEndpoints(PROFILED_ENDPOINTS.map((p) => p.endpoint)) });
    expect(
      report.problems.filter((p) => p.severity === 'error'),
      summary(report),
    ).toEqual([]);
    const profiles = new Map(statementProfiles(report).map((p) => [p.endpoint, p]));
    expect([...profiles.keys()]).toEqual(PROFILED_ENDPOINTS.map((p) => p.endpoint));
    expect(profiles.get('GET /users')).toMatchObject({ requests: PROFILED_REQUESTS, perRequest: 1, byKind: { SELECT: 1 } });
    expect(profiles.get('POST /users')).toMatchObject({ perRequest: 1, byKind: { INSERT: 1 } });
    expect(profiles.get('GET /n-plus-one/eager')?.byKind).toEqual({ SELECT: 1 });
  }, 300_000);
});

describe('without a database', () => {
  it('passes the baseline and skips only the checks that read pg_stat_statements', async () => {
    const { databaseUrl: _, ...rest } = target();
    const report = await runConformance(rest);
    expect(
      report.problems.filter((p) => p.severity === 'error'),
      summary(report),
    ).toEqual([]);
    expect(report.checks.filter((c) => c.skipped).map((c) => c.id)).toEqual([
      'pagination.keyset',
      'n-plus-one.query-count',
      'transactions.technique',
      'statements',
    ]);
  }, 300_000);
});

describe('without Redis or the upstream stub', () => {
  it('skips the checks that read them, saying why', async () => {
    const { redisUrl: _r, upstreamUrl: _u, ...rest } = target();
    const report = await runConformance({ ...rest, only: onlyEndpoints(['GET /external', 'GET /cache/users/{id}/cached', 'POST /auth/login/session']) });
    expect(
      report.problems.filter((p) => p.severity === 'error'),
      summary(report),
    ).toEqual([]);
    expect(report.checks.filter((c) => c.skipped).map((c) => [c.id, c.skipped])).toEqual([
      ['external.upstream', 'needs an upstreamUrl'],
      ['auth.session-store', 'needs a redisUrl'],
      ['caching.redis', 'needs a redisUrl'],
    ]);
  }, 300_000);
});

/** [fault, endpoints whose checks run, check id that must report it, severity]. */
const faultCases: Array<[FaultName, string[], string, 'error' | 'warning']> = [
  ['users-list-drops-row', ['GET /users'], 'users.list.row-count', 'error'],
  ['unordered-list', ['GET /users'], 'users.list.order', 'error'],
  ['camel-case-created-at', ['GET /users'], 'contract.schema', 'error'],
  ['created-at-local-time', ['GET /users'], 'users.list.db-rows', 'error'],
  ['echo-keeps-extra-keys', ['POST /echo'], 'echo.drops-extra-keys', 'error'],
  ['echo-data-omitted', ['POST /echo'], 'echo.data-null', 'error'],
  ['wrong-404-status', ['GET /users/{id}'], 'users.errors.status', 'error'],
  ['missing-detail', ['GET /users/{id}'], 'contract.schema', 'error'],
  ['delete-returns-200', ['DELETE /users/{id}'], 'users.crud.status', 'error'],
  ['chunked-framing', ['GET /health'], 'framing.chunked', 'warning'],
  ['content-type-text', ['GET /health'], 'framing.content-type', 'error'],
  ['upload-size-off-by-one', ['POST /upload'], 'upload.size', 'error'],
  ['offset-cursor-disagree', ['GET /users/cursor'], 'pagination.windows.agree', 'error'],
  ['pagination-size-clamped', ['GET /users/offset'], 'pagination.bounds.status', 'error'],
  ['external-no-delay', ['GET /external'], 'external.delay', 'error'],
  ['n-plus-one-eager-issues-n-queries', ['GET /n-plus-one/eager'], 'n-plus-one.query-count.count', 'error'],
  ['n-plus-one-lazy-drops-post', ['GET /n-plus-one/lazy'], 'n-plus-one.bodies.db', 'error'],
  ['column-overhead-uppercase-uuid', ['GET /column-overhead/type/uuid'], 'column-overhead.rows.db-rows', 'error'],
  ['bulk-raw-row-by-row', ['POST /bulk-operations/insert-raw'], 'bulk.insert.raw-statements', 'error'],
  ['bulk-batch-commits-per-row', ['POST /bulk-operations/insert-batch'], 'bulk.insert.batch-transaction', 'error'],
  ['bulk-update-row-by-row', ['POST /bulk-operations/update-bulk'], 'bulk.update.bulk-statements', 'error'],
  ['pessimistic-loses-updates', ['POST /transactions/decrement/pessimistic'], 'transactions.decrement.lost-update', 'error'],
  ['cache-source-always-database', ['GET /cache/users/{id}/cached'], 'caching.read-through.hit', 'error'],
  ['no-cache-reads-cache', ['GET /cache/users/{id}/no-cache'], 'caching.read-through.no-cache', 'error'],
  ['cache-warmup-miscount', ['POST /cache/warmup'], 'caching.warmup.count', 'error'],
  ['jwt-accepts-tampered', ['GET /auth/protected/jwt'], 'auth.jwt.tampered', 'error'],
  ['session-accepts-bogus', ['GET /auth/protected/session'], 'auth.session.bogus', 'error'],
  ['aggregation-orm-raw-differ', ['GET /aggregation/stats/country/orm'], 'aggregation.orm-raw', 'error'],
  ['fibonacci-clamps-n', ['GET /cpu/fibonacci'], 'server-config.fibonacci.status', 'error'],
  ['json-serialize-pretty-bytes', ['GET /cpu/json-serialize'], 'server-config.cpu.json-serialize', 'error'],
  ['io-db-drops-author', ['GET /io/db'], 'server-config.io.db-count', 'error'],
  ['mixed-report-wrong-total', ['GET /mixed/report'], 'server-config.mixed-report.db', 'error'],
  ['search-unescaped-like', ['GET /search/like'], 'search.like.db', 'error'],
  ['fulltext-ordered-by-id', ['GET /search/fulltext'], 'search.fulltext.db', 'error'],
  ['pessimistic-atomic-update', ['POST /transactions/decrement/pessimistic'], 'transactions.technique.row-lock', 'error'],
  ['serializable-as-pessimistic', ['POST /transactions/decrement/serializable'], 'transactions.technique.isolation', 'error'],
  ['cursor-by-offset', ['GET /users/cursor'], 'pagination.keyset.predicate', 'error'],
  ['cache-in-process', ['GET /cache/users/{id}/cached'], 'caching.redis.stored', 'error'],
  ['external-without-upstream', ['GET /external'], 'external.upstream.calls-upstream', 'error'],
  ['session-in-process', ['POST /auth/login/session'], 'auth.session-store.stored', 'error'],
  ['cpu-hash-constant', ['GET /cpu/hash'], 'server-config.cpu.hash-work', 'error'],
];

/**
 * Faults of a wrong technique behind a right answer: the checks written before them passed each
 * one, so only the check that reads the database, Redis or the upstream stub may report it.
 */
const rightAnswerWrongTechnique = new Set<FaultName>([
  'pessimistic-atomic-update',
  'serializable-as-pessimistic',
  'cursor-by-offset',
  'cache-in-process',
  'external-without-upstream',
  'session-in-process',
  'cpu-hash-constant',
]);

describe('each fault is caught by its check', () => {
  it.each(faultCases)('%s → %s', async (fault, endpoints, check, severity) => {
    const proxy = await startFaultProxy({ target: baseline.baseUrl, fault, databaseUrl: baseline.databaseUrl });
    try {
      const report = await runConformance({ ...target(), baseUrl: proxy.url, only: onlyEndpoints(endpoints) });
      expect(
        report.problems.filter((p) => p.check === check && p.severity === severity),
        summary(report),
      ).not.toEqual([]);
      expect(report.passed).toBe(severity === 'warning');
      if (rightAnswerWrongTechnique.has(fault)) {
        const prefix = check.split('.').slice(0, -1).join('.');
        const others = report.problems.filter((p) => p.severity === 'error' && !p.check.startsWith(`${prefix}.`));
        expect(others, summary(report)).toEqual([]);
      }
    } finally {
      await proxy.stop();
    }
  });
});

describe('without pg_stat_statements', () => {
  it('fails every check that reads statements instead of passing it unchecked', async () => {
    // A database the gate may read but where it cannot create pg_stat_statements (not a superuser).
    const admin = new pg.Client({ connectionString: baseline.databaseUrl });
    await admin.connect();
    try {
      await admin.query('DROP DATABASE IF EXISTS lab_no_stats');
      await admin.query('DROP ROLE IF EXISTS lab_no_stats');
      await admin.query('CREATE ROLE lab_no_stats LOGIN');
      await admin.query('CREATE DATABASE lab_no_stats OWNER lab_no_stats TEMPLATE template0');
    } finally {
      await admin.end();
    }
    const url = new URL(baseline.databaseUrl);
    url.username = 'lab_no_stats';
    url.pathname = '/lab_no_stats';
    const only = onlyEndpoints([
      'GET /users/cursor',
      'GET /n-plus-one/lazy',
      'POST /bulk-operations/insert-raw',
      'POST /bulk-operations/update-bulk',
      'POST /transactions/decrement/pessimistic',
    ]);
    const report = await runConformance({ ...target(), databaseUrl: url.toString(), only });
    const unavailable = report.problems.filter((p) => p.check.endsWith('.unavailable'));
    expect(unavailable.map((p) => `${p.severity} ${p.check}`).sort(), summary(report)).toEqual([
      'error bulk.insert.unavailable',
      'error bulk.update.unavailable',
      'error n-plus-one.query-count.unavailable',
      'error pagination.keyset.unavailable',
      'error transactions.technique.unavailable',
    ]);
    expect(report.passed).toBe(false);
  }, 300_000);
});
