import { describe, expect, it } from 'vitest';
import type { ConformanceReport } from '@lab/conformance';
import { makePaint } from '../cli/paint';
import { framingSummary, renderVerifyReport, statementsSummary } from './verify-report';
import { endpointFilter } from './verify';

const report: ConformanceReport = {
  passed: false,
  checks: [
    { id: 'health', endpoint: 'GET /health', ok: true, durationMs: 1 },
    { id: 'users.list', endpoint: 'GET /users', ok: false, durationMs: 1 },
    { id: 'n-plus-one.lazy', endpoint: 'GET /n-plus-one/lazy', ok: true, durationMs: 1, skipped: 'needs a databaseUrl' },
  ],
  problems: [
    { severity: 'error', check: 'users.list.row-count', endpoint: 'GET /users', message: 'expected 1000 rows, got 100' },
    { severity: 'warning', check: 'health.framing', endpoint: 'GET /health', message: 'chunked response' },
  ],
  framing: [],
  observations: [],
};

describe('renderVerifyReport', () => {
  const lines = renderVerifyReport('go-chi', report, makePaint(false));

  it('starts with the verdict and the counts', () => {
    expect(lines[0]).toBe('go-chi: FAIL — 3 checks, 1 error(s), 1 warning(s)');
  });

  it('counts checks per endpoint group', () => {
    expect(lines).toContainEqual(expect.stringMatching(/^\s+basic\s+1 passed\s+1 failed$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\s+n-plus-one\s+0 passed\s+0 failed\s+1 skipped$/));
  });

  it('prints each problem as error[check-id] METHOD /path: message', () => {
    expect(lines).toContain('error[users.list.row-count] GET /users: expected 1000 rows, got 100');
    expect(lines).toContain('warning[health.framing] GET /health: chunked response');
  });
});

describe('endpointFilter', () => {
  it('accepts groups and endpoint ids', () => {
    const only = endpointFilter(['pagination', 'users.list'])!;
    expect(only('users.list')).toBe(true);
    expect(only('users.get')).toBe(false);
  });

  it('is undefined for no items (every check runs)', () => {
    expect(endpointFilter([])).toBeUndefined();
  });

  it('rejects an unknown group with the usage exit code', () => {
    expect(() => endpointFilter(['basics'])).toThrow(expect.objectContaining({ code: 'LAB_UNKNOWN_GROUP', exitCode: 2 }));
  });
});

describe('framingSummary', () => {
  it('counts chunked and closing endpoints once each', () => {
    const framed: ConformanceReport = {
      ...report,
      framing: [
        { endpoint: 'GET /health', status: 200, contentLength: 40, chunked: false, keepAlive: true, contentType: 'application/json' },
        { endpoint: 'GET /users', status: 200, contentLength: null, chunked: true, keepAlive: true, contentType: 'application/json' },
        { endpoint: 'GET /users', status: 200, contentLength: null, chunked: true, keepAlive: false, contentType: 'application/json' },
      ],
    };
    expect(framingSummary(framed)).toBe('framing: 2 endpoints seen, 1 with Content-Length, 1 chunked, 1 closing the connection');
  });
});

describe('statementsSummary', () => {
  const profile = (endpoint: string, perRequest: number, byKind: Record<string, number>) => ({
    check: 'statements.per-request',
    endpoint,
    message: '',
    value: { endpoint, requests: 5, perRequest, byKind, statements: [] },
  });

  it('prints one row per profiled endpoint: total, then each kind', () => {
    const lines = statementsSummary({
      ...report,
      observations: [profile('GET /users', 3, { BEGIN: 1, ROLLBACK: 1, SELECT: 1 }), profile('GET /health', 0, {})],
    });
    expect(lines[0]).toBe('statements per request (pg_stat_statements):');
    expect(lines[1]).toMatch(/^\s+GET \/users\s+3\s+BEGIN 1 · ROLLBACK 1 · SELECT 1$/);
    expect(lines[2]).toMatch(/^\s+GET \/health\s+0\s+none$/);
  });

  it('is empty when nothing was profiled (no database)', () => {
    expect(statementsSummary(report)).toEqual([]);
  });
});
