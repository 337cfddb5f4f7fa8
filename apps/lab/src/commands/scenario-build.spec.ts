import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureWorkspace, runLab, type FixtureWorkspace } from '../testing/fixture-workspace';
import { checkNames } from './scenario-plan';

const errorCode = (stderr: string) => /^error\[([A-Z_]+)\]/m.exec(stderr)?.[1];

/** A scenario file with `fields` spliced into a valid GET /users definition. */
const scenarioTs = (id: string, fields = '') => `import { defineScenario } from '@lab/engine';
const prefix = 'list';
export default defineScenario({
  id: '${id}', title: 'users', category: 'basic', description: 'GET /users', endpoints: ['users.list'],
  load: { kind: 'closed', vus: 2, durationMs: 1000 },
  needs: { postgres: true },
  async iteration({ http, check }) {
    const res = await http.get('/users', { endpoint: 'users.list', group: 'list' });
    check('status is 200', res.status === 200);
    check(\`\${prefix} is array\`, Array.isArray(res.json()));
    check('status is 200', true);
  },
  thresholds: ['p95 < 500ms', { group: 'list', expr: 'errors < 1%' }],
  hypotheses: [{ id: 'h1', statement: 'a beats b', metric: 'p50', compare: { a: 'list', b: 'other' }, expectRatioAtLeast: 2 }],
  ${fields}
});
`;

describe('lab scenario build (subprocess, fixture workspace)', () => {
  let ws: FixtureWorkspace;
  beforeAll(() => {
    ws = createFixtureWorkspace();
    ws.write('scenarios/01-users/scenario.ts', scenarioTs('01-users'));
    ws.write('scenarios/02-bad-load/scenario.ts', scenarioTs('02-bad-load').replace('vus: 2', 'vus: 0'));
    ws.write(
      'scenarios/03-bad-endpoint/scenario.ts',
      scenarioTs('03-bad-endpoint').replace("endpoints: ['users.list']", "endpoints: ['users.list', 'users.nope']"),
    );
  });
  afterAll(() => ws.remove());

  it('validates the scenario and writes its plan to dist/scenarios/<id>/plan.json', async () => {
    const run = await runLab(['scenario', 'build', '01-users', '--workspace', ws.root]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/scenario 01-users .*valid/);
    const plan = JSON.parse(readFileSync(join(ws.root, 'dist/scenarios/01-users/plan.json'), 'utf8'));
    expect(plan).toMatchObject({
      planVersion: 1,
      id: '01-users',
      file: 'scenarios/01-users/scenario.ts',
      load: { kind: 'closed', vus: 2, durationMs: 1000 },
      plannedDurationMs: 1000,
      endpoints: [{ id: 'users.list', method: 'GET', path: '/users' }],
      needs: { postgres: true, redis: false, upstream: false },
      checks: ['status is 200', '`${prefix} is array`'],
      hypotheses: [{ id: 'h1', expectRatioAtLeast: 2 }],
      wrk: null,
      hooks: { setup: false, teardown: false },
    });
    expect(plan.thresholds).toEqual([
      expect.objectContaining({ source: 'p95 < 500ms', metric: 'p95', op: '<', limit: 500_000, unit: 'us' }),
      expect.objectContaining({ source: 'errors < 1%', group: 'list', metric: 'errors' }),
    ]);
  });

  it('--out chooses the file and --json prints the same plan on stdout', async () => {
    const out = join(ws.root, 'elsewhere/plan.json');
    const run = await runLab(['scenario', 'build', '01-users', '--out', out, '--json', '--workspace', ws.root]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(out, 'utf8')));
  });

  it.each([
    ['an invalid field', '02-bad-load', 'load.vus'],
    ['an endpoint the contract does not have', '03-bad-endpoint', 'endpoints[1]'],
  ])('fails on %s with LAB_SCENARIO_INVALID (exit 3) naming the field, and writes nothing', async (_name, id, field) => {
    const run = await runLab(['scenario', 'build', id, '--workspace', ws.root]);
    expect([run.code, errorCode(run.stderr)]).toEqual([3, 'LAB_SCENARIO_INVALID']);
    expect(run.stderr).toContain(field);
    expect(existsSync(join(ws.root, `dist/scenarios/${id}`))).toBe(false);
  });

  it.each([
    ['an unknown scenario', ['scenario', 'build', '09-nope'], 'LAB_UNKNOWN_SCENARIO'],
    ['no scenario id', ['scenario', 'build'], 'LAB_USAGE_BAD_ARGUMENTS'],
    ['another action', ['scenario', 'run', '01-users'], 'LAB_USAGE_BAD_ARGUMENTS'],
  ])('%s is a usage error (exit 2)', async (_name, args, code) => {
    const run = await runLab([...args, '--workspace', ws.root]);
    expect([run.code, errorCode(run.stderr)]).toEqual([2, code]);
  });
});

describe('checkNames', () => {
  it('lists the first argument of every check call, strings as written and anything else as source', () => {
    const source = "check('a', x); ctx.check(`b ${n}`, y); check(name, z); check('a', w); other('c', v);";
    expect(checkNames(source)).toEqual(['a', '`b ${n}`', 'name']);
  });
});
