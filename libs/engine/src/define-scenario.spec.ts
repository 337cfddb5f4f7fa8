import { describe, expect, it } from 'vitest';
import { type ScenarioSpec, defineScenario } from './define-scenario';
import { EngineError } from './errors';

const valid: ScenarioSpec = {
  id: '09-db-pagination',
  title: 'OFFSET vs keyset pagination',
  category: 'db-advanced',
  description: 'Random page access on 100k rows.',
  endpoints: ['users.offset', 'users.cursor'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true },
  async iteration({ http, check, group }, vu) {
    const page = vu.random.int(1, 5000);
    await group('OFFSET pagination', async () => {
      const res = await http.get(`/users/offset?page=${page}&size=20`, { endpoint: 'users.offset' });
      check('offset status 200', res.status === 200);
    });
  },
  thresholds: ['errors < 1%', { group: 'OFFSET pagination', expr: 'p95 < 500ms' }, 'checks > 99%'],
  hypotheses: [
    {
      id: 'cursor-faster',
      statement: 'cursor ≥ 2× offset',
      metric: 'ratePerSec',
      compare: { a: 'Cursor pagination', b: 'OFFSET pagination' },
      expectRatioAtLeast: 2,
    },
  ],
};

function problemsOf(spec: unknown): readonly string[] {
  try {
    defineScenario(spec as ScenarioSpec);
  } catch (err) {
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('LAB_SCENARIO_INVALID');
    return (err as EngineError).problems;
  }
  throw new Error('expected defineScenario to throw');
}

describe('defineScenario', () => {
  it('returns the scenario with defaults filled and thresholds parsed', () => {
    const s = defineScenario(valid);
    expect(s.needs).toEqual({ postgres: true, redis: false, upstream: false });
    expect(s.parsedThresholds.map((t) => [t.metric, t.op, t.limit, t.group])).toEqual([
      ['errors', '<', 1, undefined],
      ['p95', '<', 500_000, 'OFFSET pagination'],
      ['checks', '>', 99, undefined],
    ]);
  });

  it('reports every problem at once, each with its path', () => {
    const problems = problemsOf({
      ...valid,
      id: 'pagination',
      category: 'misc',
      endpoints: [],
      load: { kind: 'closed', vus: 0, durationMs: 1.5 },
      thresholds: ['errors < 1%', 'p95 <', { group: 'A', expr: 'p99 < 5%' }],
      hypotheses: [{ id: 'h', statement: 's', metric: 'p95', compare: { a: 'A', b: 'A' } }],
      extra: true,
    });
    const paths = problems.map((p) => p.slice(0, p.indexOf(':')));
    expect(paths).toEqual(
      expect.arrayContaining([
        'id',
        'category',
        'endpoints',
        'load.vus',
        'load.durationMs',
        'thresholds[1]',
        'thresholds[2].expr',
        'hypotheses[0].compare',
        'extra',
      ]),
    );
    expect(problems).toContain('load.vus: must be ≥ 1');
    expect(problems).toContain('extra: unknown field');
    expect(problems.some((p) => p.startsWith('thresholds[1]: cannot parse "p95 <"'))).toBe(true);
    expect(problems.length).toBe(9);
  });

  it.each([
    ['open without maxInFlight', { kind: 'open', ratePerSec: 100, durationMs: 1000 }, 'load.maxInFlight'],
    [
      'sweep with a p95 SLO',
      { kind: 'sweep', startRatePerSec: 1, stepRatePerSec: 1, stepDurationMs: 1, maxSteps: 1, slo: { percentile: 95, maxLatencyMs: 1, maxErrorRate: 0 } },
      'load.slo.percentile',
    ],
    ['an unknown load kind', { kind: 'ramping' }, 'load.kind'],
    ['open-stages without stages', { kind: 'open-stages', stages: [], maxInFlight: 10 }, 'load.stages'],
    ['open-stages with a zero rate', { kind: 'open-stages', stages: [{ ratePerSec: 0, durationMs: 1000 }], maxInFlight: 10 }, 'load.stages[0].ratePerSec'],
  ])('rejects %s', (_name, load, path) => {
    expect(problemsOf({ ...valid, load }).some((p) => p.startsWith(`${path}:`))).toBe(true);
  });

  it('rejects a missing iteration function', () => {
    const { iteration: _omit, ...rest } = valid;
    expect(problemsOf(rest)).toContain('iteration: must be a function');
  });

  it('accepts the runner declarations and trend thresholds', () => {
    const s = defineScenario({
      ...valid,
      load: { kind: 'open-stages', maxInFlight: 100, stages: [{ ratePerSec: 50, durationMs: 1000 }] },
      freshDatabasePerRun: true,
      observe: {
        serverMemory: { intervalMs: 1000, leak: { minGrowthFraction: 0.2 } },
        queriesPerRequest: { from: 'pg_stat_statements', endpoints: ['users.offset'] },
      },
      thresholds: [{ trend: 'OFFSET pagination::duration', expr: 'p95 < 500ms' }],
    });
    expect(s.parsedThresholds[0]).toMatchObject({ trend: 'OFFSET pagination::duration', metric: 'p95', limit: 500_000 });
  });

  it.each([
    ['a trend threshold on errors', { thresholds: [{ trend: 'x::duration', expr: 'errors < 1%' }] }, 'thresholds[0].expr'],
    ['queriesPerRequest from elsewhere', { observe: { queriesPerRequest: { from: 'logs', endpoints: ['users.offset'] } } }, 'observe.queriesPerRequest.from'],
    ['a memory interval under 100 ms', { observe: { serverMemory: { intervalMs: 10 } } }, 'observe.serverMemory'],
    ['a non-boolean freshDatabasePerRun', { freshDatabasePerRun: 'yes' }, 'freshDatabasePerRun'],
  ])('rejects %s', (_name, patch, path) => {
    expect(problemsOf({ ...valid, ...patch }).some((p) => p.startsWith(path))).toBe(true);
  });
});
