import { endpointById } from '@lab/contract';
import { EngineError, plannedDurationMs, type Scenario } from '@lab/engine';
import ts from 'typescript';

/** Version of the plan file's shape; bump it on any incompatible change. */
export const SCENARIO_PLAN_VERSION = 1;

/** What `lab scenario build` writes: everything a scenario declares, resolved, as plain JSON. */
export interface ScenarioPlan {
  planVersion: typeof SCENARIO_PLAN_VERSION;
  id: string;
  title: string;
  category: string;
  description: string;
  /** The scenario file, relative to the workspace root. */
  file: string;
  load: Scenario['load'];
  /** The load's planned length, ms (open stages: all stages; a sweep: every step). */
  plannedDurationMs: number;
  /** Endpoint ids with the contract's method and path. */
  endpoints: Array<{ id: string; method: string; path: string }>;
  needs: Scenario['needs'];
  freshDatabasePerRun: boolean;
  observe: NonNullable<Scenario['observe']> | null;
  /**
   * The names passed to `check(…)` in the scenario's source, in order, without repeats: a string
   * as written, anything else (a template, a variable) as its source text. Checks are counted at
   * run time; this is what the source declares.
   */
  checks: string[];
  /** Every threshold, parsed (`source` is the expression as written). */
  thresholds: Scenario['parsedThresholds'];
  hypotheses: Scenario['hypotheses'];
  /** The fixed request mix for wrk, or null when it is derived from one iteration at run time. */
  wrk: NonNullable<Scenario['wrk']> | null;
  hooks: { setup: boolean; teardown: boolean };
}

/**
 * The plan of a loaded scenario (`defineScenario` already validated its fields). Throws
 * LAB_SCENARIO_INVALID listing every endpoint id the contract does not know (in `endpoints` or
 * `observe.queriesPerRequest.endpoints`): the conformance gate would silently skip them.
 */
export function scenarioPlan(scenario: Scenario<any>, file: string, source: string): ScenarioPlan {
  const problems: string[] = [];
  const endpoints = scenario.endpoints.flatMap((id, i) => {
    const endpoint = endpointById(id);
    if (!endpoint) problems.push(`endpoints[${i}]: "${id}" is not an endpoint of the contract`);
    return endpoint ? [{ id, method: endpoint.method, path: endpoint.path }] : [];
  });
  scenario.observe?.queriesPerRequest?.endpoints.forEach((id, i) => {
    if (!endpointById(id)) problems.push(`observe.queriesPerRequest.endpoints[${i}]: "${id}" is not an endpoint of the contract`);
  });
  if (problems.length > 0) {
    throw new EngineError('LAB_SCENARIO_INVALID', `scenario ${scenario.id} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`, {
      problems,
      hint: "endpoint ids are the contract's, e.g. users.list (docs/contract.md)",
    });
  }
  return {
    planVersion: SCENARIO_PLAN_VERSION,
    id: scenario.id,
    title: scenario.title,
    category: scenario.category,
    description: scenario.description,
    file,
    load: scenario.load,
    plannedDurationMs: plannedDurationMs(scenario.load),
    endpoints,
    needs: scenario.needs,
    freshDatabasePerRun: scenario.freshDatabasePerRun === true,
    observe: scenario.observe ?? null,
    checks: checkNames(source, file),
    thresholds: scenario.parsedThresholds,
    hypotheses: scenario.hypotheses,
    wrk: scenario.wrk ?? null,
    hooks: { setup: typeof scenario.setup === 'function', teardown: typeof scenario.teardown === 'function' },
  };
}

/** First arguments of the `check(…)` / `….check(…)` calls in a TypeScript source, in order, without repeats. */
export function checkNames(source: string, file = 'scenario.ts'): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isCheck(node.expression) && node.arguments[0]) {
      const arg = node.arguments[0];
      names.push(ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg) ? arg.text : arg.getText(sf));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return [...new Set(names)];
}

function isCheck(callee: ts.Expression): boolean {
  return (ts.isIdentifier(callee) && callee.text === 'check') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 'check');
}

/** `closed 10 VUs × 30 s`, `open 200/s × 60 s`, … for the summary line. */
export function describeLoad(load: Scenario['load']): string {
  const s = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
  switch (load.kind) {
    case 'closed':
      return `closed ${load.vus} VUs × ${s(load.durationMs)}`;
    case 'open':
      return `open ${load.ratePerSec}/s × ${s(load.durationMs)}`;
    case 'open-stages':
      return `open-stages ${load.stages.map((st) => `${st.ratePerSec}/s × ${s(st.durationMs)}`).join(', ')}`;
    case 'sweep':
      return `sweep from ${load.startRatePerSec}/s by ${load.stepRatePerSec}/s, ${load.maxSteps} steps × ${s(load.stepDurationMs)}`;
  }
}
