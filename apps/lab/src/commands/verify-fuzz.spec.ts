import { describe, expect, it } from 'vitest';
import type { FuzzFailure, FuzzResult } from '@lab/fuzz';
import { makePaint } from '../cli/paint';
import { renderFuzz } from './verify-fuzz';
import { verifyFuzzFlags } from './verify-fuzz-flags';

describe('verifyFuzzFlags', () => {
  it('is empty without --fuzz, defaults with it', () => {
    expect(verifyFuzzFlags({})).toEqual({});
    expect(verifyFuzzFlags({ fuzz: true })).toEqual({ fuzz: { seed: undefined, budget: undefined } });
  });

  it('reads a request count or a duration, and a seed', () => {
    expect(verifyFuzzFlags({ fuzz: true, 'fuzz-budget': '800', seed: '42' })).toEqual({ fuzz: { seed: 42, budget: { requests: 800 } } });
    expect(verifyFuzzFlags({ fuzz: true, 'fuzz-budget': '60s' }).fuzz?.budget).toEqual({ durationMs: 60_000 });
    expect(verifyFuzzFlags({ fuzz: true, 'fuzz-budget': '2m' }).fuzz?.budget).toEqual({ durationMs: 120_000 });
  });

  it.each([
    [{ 'fuzz-budget': '800' }, 'LAB_USAGE_BAD_ARGUMENTS'],
    [{ seed: '1' }, 'LAB_USAGE_BAD_ARGUMENTS'],
    [{ fuzz: true, 'fuzz-budget': 'lots' }, 'LAB_USAGE_BAD_VALUE'],
    [{ fuzz: true, 'fuzz-budget': '0' }, 'LAB_USAGE_BAD_VALUE'],
    [{ fuzz: true, seed: '1.5' }, 'LAB_USAGE_BAD_VALUE'],
  ])('%j is a usage error %s', (values, code) => {
    expect(() => verifyFuzzFlags(values)).toThrow(expect.objectContaining({ code }));
  });
});

describe('renderFuzz', () => {
  const failure = (path: string, kind: FuzzFailure['kind'], status: number | null): FuzzFailure => ({
    request: {
      method: 'GET',
      path,
      headers: {},
      bodyBytes: 0,
      endpoint: 'users.cursor',
      template: '/users/cursor',
      expect: 'invalid',
      label: 'query cursor: invalid',
      regression: path.includes('9544203041'),
    },
    status,
    kind,
    problem: status === null ? 'no complete answer within 5000 ms' : `${status} for invalid parameter`,
  });
  const result: FuzzResult = {
    passed: false,
    baseUrl: 'http://127.0.0.1:4567',
    failures: [
      failure('/users/cursor?cursor=9544203041', 'server-error', 500),
      ...[1, 2, 3, 4].map((i) => failure(`/users/cursor?cursor=-${i}`, 'server-error', 500)),
      failure('/users/cursor?size=abc', 'timeout', null),
    ],
    requests: 300,
    regressionCases: 27,
    byExpectation: { valid: 150, invalid: 80, 'invalid-body': 10, lenient: 20, method: 40 },
    seed: 7,
    budget: { requests: 300 },
    stoppedBy: 'requests',
    durationMs: 4200,
  };
  const lines = renderFuzz(result, makePaint(false));

  it('starts with the verdict and the counts', () => {
    expect(lines[0]).toBe('fuzz: FAIL — 300 requests (27 regression cases) in 4.2 s, seed 7, 6 failure(s)');
    expect(lines[1]).toBe('  by kind: server-error 5, timeout 1');
  });

  it('prints each shown failure with its curl command, at most 3 per kind, endpoint and status', () => {
    expect(lines).toContain('fuzz[server-error] [regression] 500 GET /users/cursor?cursor=9544203041: 500 for invalid parameter (query cursor: invalid)');
    expect(lines).toContain("  curl -sS -i -X GET 'http://127.0.0.1:4567/users/cursor?cursor=9544203041'".replace(/'/g, ''));
    expect(lines).toContain('  … 2 more like this (--json lists every failure)');
    expect(lines.filter((l) => l.startsWith('fuzz[timeout]'))).toHaveLength(1);
  });

  it('is one line when the stage passed, nothing without a stage', () => {
    expect(renderFuzz({ ...result, passed: true, failures: [] }, makePaint(false))).toHaveLength(1);
    expect(renderFuzz(undefined, makePaint(false))).toEqual([]);
  });
});
