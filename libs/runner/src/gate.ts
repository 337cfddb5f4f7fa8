import { runConformance } from '@lab/conformance';
import { RunnerError } from './errors';
import type { CellPlan } from './plan-cell';

/**
 * The conformance gate: the checks touching the endpoints the scenario uses, against the live
 * server and its database. Returns figures for the result's extras; throws
 * LAB_CONFORMANCE_FAILED listing every error-severity problem.
 */
export async function runGate(
  plan: CellPlan,
  target: { baseUrl: string; databaseUrl: string; upstreamDelayMs: number },
): Promise<Record<string, number | boolean>> {
  const endpoints = new Set(plan.scenario.endpoints);
  const report = await runConformance({
    baseUrl: target.baseUrl,
    databaseUrl: target.databaseUrl,
    implId: plan.implementation.id,
    upstreamDelayMs: target.upstreamDelayMs,
    only: (id) => endpoints.has(id),
  });
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (!report.passed) {
    const problems = errors.map((p) => `${p.check} (${p.endpoint}): ${p.message}`);
    throw new RunnerError(
      'LAB_CONFORMANCE_FAILED',
      `${plan.implementation.id} failed the conformance gate for ${plan.scenario.id}:\n  ${problems.join('\n  ')}`,
      { problems },
    );
  }
  return {
    'gate.passed': true,
    'gate.checks': report.checks.filter((c) => !c.skipped).length,
    'gate.warnings': report.problems.length - errors.length,
  };
}
