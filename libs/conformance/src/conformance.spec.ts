import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointKey } from './contract-view';
import { labContract, runConformance } from './run-conformance';
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
    const report = await runConformance({
      baseUrl: baseline.baseUrl,
      databaseUrl: baseline.databaseUrl,
      implId: BASELINE_ID,
      upstreamDelayMs: baseline.upstreamDelayMs,
    });
    expect(report.problems.filter((p) => p.severity === 'error'), summary(report)).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.checks.every((c) => c.ok && !c.skipped)).toBe(true);
    // Every endpoint of the contract was exercised and its framing recorded.
    expect(report.framing.map((f) => f.endpoint).sort()).toEqual([...idByKey.keys()].sort());
  }, 300_000);
});

describe('without a database', () => {
  it('passes the baseline and skips only the query-count check', async () => {
    const report = await runConformance({ baseUrl: baseline.baseUrl, implId: BASELINE_ID, upstreamDelayMs: baseline.upstreamDelayMs });
    expect(report.problems.filter((p) => p.severity === 'error'), summary(report)).toEqual([]);
    expect(report.checks.filter((c) => c.skipped).map((c) => c.id)).toEqual(['n-plus-one.query-count']);
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
];

describe('each fault is caught by its check', () => {
  it.each(faultCases)('%s → %s', async (fault, endpoints, check, severity) => {
    const proxy = await startFaultProxy({ target: baseline.baseUrl, fault, databaseUrl: baseline.databaseUrl });
    try {
      const report = await runConformance({
        baseUrl: proxy.url,
        databaseUrl: baseline.databaseUrl,
        implId: BASELINE_ID,
        upstreamDelayMs: baseline.upstreamDelayMs,
        only: onlyEndpoints(endpoints),
      });
      expect(report.problems.filter((p) => p.check === check && p.severity === severity), summary(report)).not.toEqual([]);
      expect(report.passed).toBe(severity === 'warning');
    } finally {
      await proxy.stop();
    }
  });
});
