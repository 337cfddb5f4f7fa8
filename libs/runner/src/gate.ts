import { runConformance } from '@lab/conformance';
import { RunnerError } from './errors';
import type { CellPlan } from './plan-cell';

/** What the gate checks: the live server and the services it was given. */
export interface GateTarget {
  baseUrl: string;
  databaseUrl: string;
  upstreamDelayMs: number;
  /** The cell's Redis: enables the checks that cached users and sessions are really in Redis. */
  redisUrl?: string;
  /** The cell's upstream stub: enables the check that `/external` really calls it. */
  upstreamUrl?: string;
}

/**
 * The conformance gate: the checks touching the endpoints the scenario uses, against the live
 * server, its database and (when given) its Redis and upstream stub. Returns figures for the
 * result's extras; throws LAB_CONFORMANCE_FAILED listing every error-severity problem.
 */
export async function runGate(plan: CellPlan, target: GateTarget): Promise<Record<string, number | boolean>> {
  const endpoints = new Set(plan.scenario.endpoints);
  const report = await runConformance({
    baseUrl: target.baseUrl,
    databaseUrl: target.databaseUrl,
    implId: plan.implementation.id,
    upstreamDelayMs: target.upstreamDelayMs,
    ...(target.redisUrl ? { redisUrl: target.redisUrl } : {}),
    ...(target.upstreamUrl ? { upstreamUrl: target.upstreamUrl } : {}),
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
