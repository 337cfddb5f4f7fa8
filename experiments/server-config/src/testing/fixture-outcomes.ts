/**
 * Point outcomes for tests of the report and the dashboard page: the real definition's points,
 * some measured from fixture result files, every other one missing.
 */
import { expandPoints, loadDefinition, type ExperimentDefinition, type Point } from '../definition';
import { pointOutcome, type PointOutcome } from '../point-outcome';
import { fixturePointResult, type FixtureMeasure } from './fixture-point-result';

/** This workspace's definition and its points. */
export async function loadFixtureDefinition(workspaceRoot: string): Promise<{ definition: ExperimentDefinition; points: Point[] }> {
  const definition = await loadDefinition(workspaceRoot);
  return { definition, points: expandPoints(definition) };
}

/** Outcomes of `points`, each measured with `m`. */
export function measuredOutcomes(points: readonly Point[], m: FixtureMeasure): PointOutcome[] {
  return points.map((p) => pointOutcome(p, fixturePointResult(p, m)));
}

/** `have`, then every other point of `all` as missing. */
export function withMissing(all: readonly Point[], have: readonly PointOutcome[]): PointOutcome[] {
  const ids = new Set(have.map((o) => o.point.id));
  const missing = all
    .filter((p) => !ids.has(p.id))
    .map((p) => ({ ...pointOutcome(p, fixturePointResult(p, { ratesPerSec: [1, 1, 1] })), status: 'missing' as const, verdict: null, ratesPerSec: [] }));
  return [...have, ...missing];
}
