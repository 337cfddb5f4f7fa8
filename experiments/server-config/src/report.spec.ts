import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeResultFile } from '@lab/results';
import { buildGuide } from './build-guide';
import { DEFINITION_FILE, type ExperimentError, parseDefinition, type ExperimentDefinition, type Point } from './definition';
import { readInterval } from './judge-hypotheses';
import { inFlightBound, pointOutcome, readPointOutcomes, resultPath, SWEEP_MAX_IN_FLIGHT, type PointOutcome } from './point-outcome';
import { renderGuide } from './render-guide';
import { summarizeExperiment } from './summarize-experiment';
import { fixturePointResult } from './testing/fixture-point-result';
import { loadFixtureDefinition, measuredOutcomes, withMissing } from './testing/fixture-outcomes';

const workspaceRoot = resolve(__dirname, '../../..');
let definition: ExperimentDefinition;
let points: Point[];

beforeAll(async () => {
  ({ definition, points } = await loadFixtureDefinition(workspaceRoot));
});

const stamp = { command: 'test', date: '2026-12-04' };
const FASTAPI = 'python-fastapi-pragmatic';
/** The points of one round for FastAPI's `variant`. */
const at = (round: string, variant: string) => points.filter((p) => p.rounds.includes(round) && p.impl === FASTAPI && p.variant === variant);
const measured = measuredOutcomes;
const missingOthers = (have: readonly PointOutcome[]) => withMissing(points, have);

describe('the server-config definition', () => {
  it('validates against this workspace and holds the original rounds R1–R5 with their point counts', () => {
    const count = (round: string) => points.filter((p) => p.rounds.includes(round)).length;
    expect(['R1', 'R2', 'R3', 'R4', 'R5'].map(count)).toEqual([12, 9, 6, 2, 6]);
    expect(new Set(points.map((p) => p.id)).size).toBe(points.length);
  });

  it('fails a bad definition with the file, the field and a hint', () => {
    const bad = JSON.parse(readFileSync(join(workspaceRoot, DEFINITION_FILE), 'utf8'));
    bad.budgets[0].profile = 'quota-9';
    bad.stacks[0].models[1].variant = 'gunicorn-9';
    const facts = { implementations: { [FASTAPI]: ['gunicorn-2', 'gunicorn-4'] }, scenarios: definition.workloads.map((w) => w.scenario) };
    const error = (() => {
      try {
        parseDefinition(JSON.stringify(bad), DEFINITION_FILE, facts);
      } catch (e) {
        return e as ExperimentError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('LAB_EXPERIMENT_INVALID');
    const byPath = Object.fromEntries(error!.problems.map((p) => [p.path, p]));
    expect(byPath['budgets.0.profile']).toMatchObject({ file: DEFINITION_FILE, hint: expect.stringContaining('quota-0.25') });
    expect(byPath['stacks.0.models.1.variant']).toMatchObject({ file: DEFINITION_FILE, hint: expect.stringContaining('gunicorn-2') });
    expect(error!.message).toContain(DEFINITION_FILE);
  });
});

describe('readInterval', () => {
  it.each([
    ['equivalent', 0.95, 1.05, 'supported'],
    ['equivalent', 0.95, 1.2, 'inconclusive'],
    ['equivalent', 1.15, 1.3, 'rejected'],
    ['not-above', 0.8, 1.05, 'supported'],
    ['not-above', 1.2, 1.4, 'rejected'],
    ['above', 1.01, 1.3, 'supported'],
    ['above', 0.7, 0.95, 'rejected'],
    ['not-below', 0.92, 1.1, 'supported'],
    ['not-below', 0.6, 0.85, 'rejected'],
  ] as const)('%s [%d, %d] → %s (margin 10 %%)', (test, low, high, verdict) => {
    expect(readInterval(test, low, high, 0.1)).toBe(verdict);
  });
});

describe('hypotheses from fixture results', () => {
  it('supports H1 when one event loop serves as much as 2 and 4 workers on I/O, and rejects it when it serves 30 % less', () => {
    const same = [
      ...measured(at('R1', 'default'), { ratesPerSec: [500, 505, 498] }),
      ...measured([...at('R1', 'gunicorn-2'), ...at('R1', 'gunicorn-4')], { ratesPerSec: [502, 499, 503] }),
    ];
    const h1 = (outcomes: PointOutcome[]) => summarizeExperiment(definition, missingOthers(outcomes), 2).hypotheses.find((h) => h.id === 'H1')!;
    expect(h1(same)).toMatchObject({ verdict: 'supported' });
    expect(h1(same).comparisons).toHaveLength(8);
    const slower = [
      ...measured(at('R1', 'default'), { ratesPerSec: [350, 352, 349] }),
      ...measured([...at('R1', 'gunicorn-2'), ...at('R1', 'gunicorn-4')], { ratesPerSec: [502, 499, 503] }),
    ];
    const rejected = h1(slower);
    expect(rejected.verdict).toBe('rejected');
    expect(rejected.effect!.high).toBeLessThan(0.9);
  });

  it('judges H2 on CPU work: 4 workers on 0.25 CPU adding nothing is supported, with the RSS ratio beside it', () => {
    const outcomes = [
      ...measured(at('R4', 'default'), { ratesPerSec: [40, 41, 40], processes: 1 }),
      ...measured(at('R4', 'gunicorn-4'), { ratesPerSec: [30, 31, 29], processes: 5 }),
    ];
    const h2 = summarizeExperiment(definition, missingOthers(outcomes), 2).hypotheses.find((h) => h.id === 'H2')!;
    expect(h2.verdict).toBe('supported');
    expect(h2.comparisons).toEqual([expect.objectContaining({ subject: 'gunicorn, 4 uvicorn workers', reference: 'uvicorn, 1 process', rssRatio: 5 })]);
  });

  it('compares models of one family only: a YJIT model never against one without', () => {
    const rails = points.filter((p) => p.rounds.includes('stacks') && p.impl === 'ruby-rails' && p.scenario === '25-cpu-fibonacci' && p.cpus === 1);
    expect(rails.map((p) => p.variant).sort()).toEqual(['default', 'puma-2x5', 'puma-2x5-yjit', 'yjit']);
    const outcomes = rails.map((p) => pointOutcome(p, fixturePointResult(p, { ratesPerSec: p.variant.includes('yjit') ? [130, 131, 129] : [60, 61, 59] })));
    const h2 = summarizeExperiment(definition, missingOthers(outcomes), 2).hypotheses.find((h) => h.id === 'H2')!;
    expect(h2.comparisons.map((c) => [c.subject, c.reference])).toEqual([
      ['Puma cluster, 2 workers × 5 threads', 'Puma single, 1 × 5 threads'],
      ['Puma cluster, 2 workers × 5 threads, YJIT', 'Puma single, 1 × 5 threads, YJIT'],
    ]);
    expect(h2.verdict).toBe('supported');
  });

  it('leaves out results that are not valid and leaves a hypothesis untested without data', () => {
    const noisy = [
      ...measured(at('R1', 'default'), { ratesPerSec: [500, 505, 498], verdict: 'noisy' }),
      ...measured(at('R1', 'gunicorn-2'), { ratesPerSec: [502, 499, 503] }),
    ];
    const summary = summarizeExperiment(definition, missingOthers(noisy), 2);
    expect(summary.hypotheses.map((h) => h.verdict)).toEqual(['untested', 'untested', 'untested']);
    expect(summary.coverage).toMatchObject({ measured: 8, valid: 4 });
    // The guide says why H1 has no comparison: a measured point is not valid, not that nothing was measured.
    const h1 = summary.hypotheses.find((h) => h.id === 'H1')!;
    expect(h1.invalidPoints.map((p) => p.verdict)).toEqual(expect.arrayContaining(['noisy']));
    expect(renderGuide(summary, stamp)).toMatch(/\*\*H1\*\*: .*our data cannot say yet: \d+ of its points are measured but not valid \(\d+ noisy\)/);
    expect(renderGuide(summary, stamp)).toMatch(/\*\*H2\*\*: .*our data cannot say yet: its points are not measured/);
  });
});

describe('a host whose speed drifts', () => {
  const fib = () => points.filter((p) => p.rounds.includes('stacks') && p.impl === FASTAPI && p.scenario === '25-cpu-fibonacci' && p.cpus === 1);
  const unstable = (p: Point, serverCpuCores?: number[]) =>
    pointOutcome(p, fixturePointResult(p, { ratesPerSec: [21, 31, 26], verdict: 'unstable', serverCpuCores }));

  it('tells a server that used its whole CPU budget in every second of every run from one that did not', () => {
    const [point] = fib();
    // The first and last seconds are left out: a run starts and drains in them.
    expect(unstable(point!, [0.4, 0.97, 1.02, 0.93, 0.2]).budgetSaturated).toBe(true);
    expect(unstable(point!, [0.97, 0.97, 0.6, 1.0, 0.97]).budgetSaturated).toBe(false);
    expect(unstable(point!).budgetSaturated).toBeNull();
    expect(unstable(point!, [0.4, 0.5, 0.3, 0.4, 0.2]).serverCpuCores).toBeCloseTo(0.4);
    const [sweep] = at('capacity', 'default').filter((p) => p.scenario === '25-cpu-fibonacci' && p.cpus === 1);
    expect(pointOutcome(sweep!, fixturePointResult(sweep!, { ratesPerSec: [9, 9, 9], serverCpuCores: [1, 1, 1] })).budgetSaturated).toBeNull();
  });

  it("says in the guide when a hypothesis's unstable points were CPU-saturated throughout", () => {
    const saturated = fib().map((p) => unstable(p, [0.5, 1.0, 0.98, 1.01, 0.3]));
    const h2 = summarizeExperiment(definition, missingOthers(saturated), 2).hypotheses.find((h) => h.id === 'H2')!;
    expect(h2.verdict).toBe('untested');
    expect(h2.invalidPoints).toEqual(expect.arrayContaining([expect.objectContaining({ verdict: 'unstable', budgetSaturated: true })]));
    const guide = renderGuide(summarizeExperiment(definition, missingOthers(saturated), 2), stamp);
    expect(guide).toMatch(/\| uvicorn, 1 process \| 1 \| 1 \| 1\.00 \| 50 VUs \|/);
    expect(guide).toContain('`server CPU` is the server');
    expect(guide).toMatch(/\*\*H2\*\*: .*In 3 of the unstable ones the server used its whole CPU budget in every second of every run/);
    const idle = renderGuide(summarizeExperiment(definition, missingOthers(fib().map((p) => unstable(p, [1, 0.5, 0.5, 0.5, 1]))), 2), stamp);
    expect(idle).toMatch(/\*\*H2\*\*: .*our data cannot say yet/);
    expect(idle).not.toContain("the host's speed drifted");
    // Half of the budget on average: the database or a wait limited these points, not the process model.
    expect(idle).toMatch(/\*\*H2\*\*: .*In 3 of them the server used only 50 % of its CPU budget on average/);
    expect(guide).not.toMatch(/\*\*H2\*\*: .*the server used only/);
  });
});

describe('a server that loses a worker mid-run', () => {
  const MiB = 1024 ** 2;
  const hashAt = (variant: string) => at('budgets-hash', variant).find((p) => p.cpus === 0.25)!;
  // gunicorn with 2 workers: 4 processes of about 50 MiB; a worker replaced takes its memory with it.
  const steady = [203, 203, 203, 203, 203, 203, 203, 203].map((m) => m * MiB);
  // The killed worker's memory goes when its exit completes, seconds after its connections were reset.
  const replaced = [203, 203, 203, 203, 203, 142, 160, 190].map((m) => m * MiB);
  const collected = [203, 203, 203, 203, 203, 185, 190, 203].map((m) => m * MiB);

  const resetAt2 = [0, 0, 2, 0, 0, 0, 0, 0];
  const none = [0, 0, 0, 0, 0, 0, 0, 0];

  it('counts the runs whose server RSS fell by half a process or more within a second while requests failed, and says so beside the verdict', () => {
    const point = hashAt('gunicorn-2');
    const outcome = (serverRssBytes: [number[], number[], number[]], errorsPerSecond: [number[], number[], number[]]) =>
      pointOutcome(point, fixturePointResult(point, { ratesPerSec: [0.6, 0.7, 0.6], processes: 4, verdict: 'errors', serverRssBytes, errorsPerSecond }));
    const lost = outcome([replaced, steady, replaced], [resetAt2, none, resetAt2]);
    expect(lost.processLostRuns).toEqual([2, 3]);
    // 18 MiB is less than half of one 51-MiB process: a garbage collection, not a process gone.
    expect(outcome([collected, steady, collected], [resetAt2, none, resetAt2]).processLostRuns).toEqual([0, 3]);
    // A heap that shrinks by a whole process's worth fails no request: no process lost either,
    // nor when the only failures came long before the fall.
    const kept = outcome([replaced, steady, replaced], [none, none, none]);
    expect(kept.processLostRuns).toEqual([0, 3]);
    const lateFall = [203, 203, 203, 203, 203, 203, 203, 142].map((m) => m * MiB);
    const resetAt0 = [2, 0, 0, 0, 0, 0, 0, 0];
    expect(outcome([lateFall, steady, replaced], [resetAt0, none, resetAt0]).processLostRuns).toEqual([1, 3]);
    expect(pointOutcome(point, fixturePointResult(point, { ratesPerSec: [0.6, 0.7, 0.6] })).processLostRuns).toBeNull();

    const guide = renderGuide(summarizeExperiment(definition, missingOthers([lost]), 2), stamp);
    expect(guide).toMatch(/\| gunicorn, 2 uvicorn workers \| 2 \| 0\.25 \| .* \| errors \(a server process lost in 2 of 3 runs\) \|/);
    expect(guide).toContain('`a server process lost in n of m runs` marks a point');
    const clean = renderGuide(summarizeExperiment(definition, missingOthers([kept]), 2), stamp);
    expect(clean).not.toContain('a server process lost');
  });
});

describe('the deployment guide', () => {
  it('says which points are missing while nothing is measured', () => {
    const guide = renderGuide(summarizeExperiment(definition, missingOthers([]), 2), stamp);
    expect(guide.split('\n')[0]).toBe('# Deployment guide: process models by workload and CPU budget');
    expect(guide).not.toContain('Host class of these results');
    expect(guide).toContain('No results yet');
    expect(guide).toMatch(/\| H1 \| \*\*untested\*\* \|/);
    expect(guide).toContain(`\`${points.find((p) => p.minCores <= 2)!.id}\``);
    expect(guide).toMatch(/need more cores than this host has/);
  });

  it('recommends per budget and stack with intervals, and sets our verdicts beside the original', () => {
    const outcomes = [
      ...measured(
        at('stacks', 'default').filter((p) => p.scenario === '25-cpu-fibonacci' && p.cpus === 1),
        { ratesPerSec: [40, 41, 40] },
      ),
      ...measured(
        at('stacks', 'gunicorn-2').filter((p) => p.scenario === '25-cpu-fibonacci' && p.cpus === 1),
        { ratesPerSec: [39, 40, 41] },
      ),
      ...measured(
        at('stacks', 'gunicorn-4').filter((p) => p.scenario === '25-cpu-fibonacci' && p.cpus === 1),
        { ratesPerSec: [30, 31, 29] },
      ),
    ];
    const guide = renderGuide(summarizeExperiment(definition, missingOthers(outcomes), 2), stamp);
    // uvicorn and gunicorn-2 tie at 1 CPU: the guide picks the one with fewer workers.
    expect(guide).toMatch(/\| 25-cpu-fibonacci \| python-fastapi-pragmatic \| uvicorn, 1 process \(tied: fewer workers\) \| closed-loop, 50 VUs \| 40\.3 \[/);
    expect(guide).toMatch(/- \*\*H2\*\*: the original found .*; our data: \*\*supported\*\* \(2 comparisons/);
    expect(guide).toMatch(/### 25-cpu-fibonacci\n\n\| stack \| model/);
  });

  it('ranks a workload that is measured below 50 VUs at a budget on the concurrency it has there', () => {
    const hashAt = (variant: string) => at('budgets-hash', variant).filter((p) => p.cpus === 0.5);
    const outcomes = [...measured(hashAt('default'), { ratesPerSec: [1.5, 1.5, 1.6] }), ...measured(hashAt('gunicorn-2'), { ratesPerSec: [1.2, 1.2, 1.3] })];
    const summary = summarizeExperiment(definition, missingOthers(outcomes), 2);
    const rec = summary.recommendations.find((r) => r.scenario === '26-cpu-hash' && r.cpus === 0.5 && r.stack === FASTAPI)!;
    // Its only points are at 2 VUs; the 4-worker model is still to measure there.
    expect(rec).toMatchObject({ basis: 'closed-loop', vus: 2, choice: 'uvicorn, 1 process', runnerUp: 'gunicorn, 2 uvicorn workers', pending: 1 });
    expect(renderGuide(summary, stamp)).toMatch(/\| 26-cpu-hash \| python-fastapi-pragmatic \| uvicorn, 1 process \| closed-loop, 2 VUs \| 1\.5/);
  });

  it('ranks by capacity where swept, writes a capacity at the top of its sweep as a lower bound and ties two such', () => {
    const capacityAt = (variant: string) => at('capacity', variant).filter((p) => p.scenario === '27-mixed-report' && p.cpus === 1);
    const [uvicorn] = capacityAt('default');
    if (!uvicorn || !('sweep' in uvicorn.load)) throw new Error('the capacity round has no FastAPI mixed-report point at 1 CPU');
    const sweep = uvicorn.load.sweep;
    const top = sweep.startRatePerSec + (sweep.maxSteps - 1) * sweep.stepRatePerSec;
    const below = top - 2 * sweep.stepRatePerSec;
    const guideWith = (twoWorkers: [number, number, number]) => {
      const outcomes = [
        ...measured(capacityAt('default'), { ratesPerSec: [90, 91, 90], capacitiesPerSec: [top, top, top] }),
        ...measured(capacityAt('gunicorn-2'), { ratesPerSec: [80, 81, 80], capacitiesPerSec: twoWorkers }),
        ...measured(capacityAt('gunicorn-4'), { ratesPerSec: [70, 71, 70], capacitiesPerSec: [0, 0, 0] }),
      ];
      const summary = summarizeExperiment(definition, missingOthers(outcomes), 2);
      return { summary, guide: renderGuide(summary, stamp) };
    };
    const lower = guideWith([below, below, below]);
    const rec = lower.summary.recommendations.find((r) => r.scenario === '27-mixed-report' && r.cpus === 1 && r.stack === FASTAPI)!;
    expect(rec).toMatchObject({ basis: 'capacity', choice: 'uvicorn, 1 process', figureCapped: true, capped: false, tie: false });
    expect(lower.guide).toMatch(new RegExp(`\\| 27-mixed-report \\| ${FASTAPI} \\| uvicorn, 1 process \\| capacity \\| ≥ ${top} \\[`));
    // The evidence: a lower bound, and a capacity below the sweep's first rate.
    expect(lower.guide).toMatch(new RegExp(`\\| sweep \\(native\\) \\| 80\\.3 \\[[^|]+\\| [^|]+ \\| ${below} \\[`));
    expect(lower.guide).toContain(`| < ${sweep.startRatePerSec} |`);
    expect(lower.guide).toContain('A capacity marked `≥` met the SLO at every step of its sweep');
    // A lower bound is not widened by a step: nothing bounds it from above.
    expect(lower.summary.points.find((p) => p.id === uvicorn.id)?.capacity?.high).toBeCloseTo(top, 6);
    // Both at the top: nothing tells them apart; tied, and the model with fewer workers is chosen.
    const both = guideWith([top, top, top]).summary.recommendations.find((r) => r.scenario === '27-mixed-report' && r.cpus === 1 && r.stack === FASTAPI)!;
    expect(both).toMatchObject({ choice: 'uvicorn, 1 process', capped: true, tie: true });
    expect(guideWith([top, top, top]).guide).toContain('not ranked: a lower bound (≥) vs gunicorn, 2 uvicorn workers');
  });

  it('reads each capacity to within one sweep step: identical runs one step apart are tied, two steps apart they are not', () => {
    const capacityAt = (variant: string) => at('capacity', variant).filter((p) => p.scenario === '27-mixed-report' && p.cpus === 1);
    const [twoWorkers] = capacityAt('gunicorn-2');
    if (!twoWorkers || !('sweep' in twoWorkers.load)) throw new Error('the capacity round has no FastAPI mixed-report point at 1 CPU');
    const step = twoWorkers.load.sweep.stepRatePerSec;
    const c = twoWorkers.load.sweep.startRatePerSec + 4 * step;
    const recommendationWith = (twoWorkersPassed: number) => {
      const outcomes = [
        ...measured(capacityAt('default'), { ratesPerSec: [90, 91, 90], capacitiesPerSec: [c, c, c] }),
        ...measured(capacityAt('gunicorn-2'), { ratesPerSec: [80, 81, 80], capacitiesPerSec: [twoWorkersPassed, twoWorkersPassed, twoWorkersPassed] }),
      ];
      const summary = summarizeExperiment(definition, missingOthers(outcomes), 2);
      return {
        rec: summary.recommendations.find((r) => r.scenario === '27-mixed-report' && r.cpus === 1 && r.stack === FASTAPI)!,
        point: summary.points.find((p) => p.id === twoWorkers.id)!,
      };
    };
    const oneStep = recommendationWith(c + step);
    // 3 runs that all passed c + step: the capacity lies between it and the next step.
    expect(oneStep.point.capacity).toMatchObject({ estimate: c + step, low: c + step, high: c + 2 * step });
    // Tied (1 process may serve up to c + step too), so the model with fewer workers is chosen.
    expect(oneStep.rec).toMatchObject({ tie: true, choice: 'uvicorn, 1 process', runnerUp: 'gunicorn, 2 uvicorn workers' });
    expect(oneStep.rec.ratio!.low).toBeCloseTo(((c / (c + step)) * (c + step)) / (c + 2 * step), 9);
    expect(oneStep.rec.ratio!.high).toBeCloseTo(((c / (c + step)) * (c + step)) / c, 9);
    const twoSteps = recommendationWith(c + 2 * step);
    expect(twoSteps.rec).toMatchObject({ tie: false, choice: 'gunicorn, 2 uvicorn workers', runnerUp: 'uvicorn, 1 process' });
    expect(twoSteps.rec.ratio!.low).toBeCloseTo(((c + 2 * step) / c) * (c / (c + step)), 9);
  });

  it("writes a capacity the sweep's in-flight limit set as generator-bound, and ranks no model below it", () => {
    const ioAt = (variant: string) => at('capacity', variant).filter((p) => p.scenario === '23-io-sleep' && p.cpus === 1);
    const [point] = ioAt('default');
    if (!point || !('sweep' in point.load)) throw new Error('the capacity round has no FastAPI io-sleep point at 1 CPU');
    const step = point.load.sweep.stepRatePerSec;
    // Little's law: 2,400 + one step at a 101 ms median needs 128 or more of the 256 slots in flight; at 5 ms it needs few.
    expect(inFlightBound(2400, step, 101_000)).toBe(true);
    expect(inFlightBound(2400, step, 5_000)).toBe(false);
    expect(inFlightBound(Math.floor(SWEEP_MAX_IN_FLIGHT / 2 / 0.101) - step, step, 101_000)).toBe(false);
    const bound = (p50Us: number) =>
      pointOutcome(point, fixturePointResult(point, { ratesPerSec: [900, 900, 900], capacitiesPerSec: [2400, 2400, 2400], p50Us }));
    expect(bound(101_000)).toMatchObject({ capacityCapped: true, capacityBound: 'in-flight' });
    expect(bound(5_000)).toMatchObject({ capacityCapped: false, capacityBound: null });
    // A sweep that recorded a larger in-flight limit (its top rate × the SLO) measured past it.
    const roomy = fixturePointResult(point, { ratesPerSec: [900, 900, 900], capacitiesPerSec: [2400, 2400, 2400], p50Us: 101_000 });
    if (roomy.cell.loadModel.kind === 'sweep') roomy.cell.loadModel.maxVus = 1188;
    expect(pointOutcome(point, roomy)).toMatchObject({ capacityCapped: false, capacityBound: null });

    const outcomes = [
      ...measured(ioAt('default'), { ratesPerSec: [900, 901, 900], capacitiesPerSec: [2400, 2400, 2400], p50Us: 101_000 }),
      ...measured(ioAt('gunicorn-2'), { ratesPerSec: [880, 881, 880], capacitiesPerSec: [2250, 2250, 2250], p50Us: 101_000 }),
      ...measured(ioAt('gunicorn-4'), { ratesPerSec: [920, 921, 920], capacitiesPerSec: [2500, 2500, 2500], p50Us: 101_000 }),
    ];
    const summary = summarizeExperiment(definition, missingOthers(outcomes), 2);
    const rec = summary.recommendations.find((r) => r.scenario === '23-io-sleep' && r.cpus === 1 && r.stack === FASTAPI)!;
    // All three are lower bounds, so all are tied with the best (4 workers): the one with the fewest workers is chosen.
    expect(rec).toMatchObject({
      basis: 'capacity',
      choice: 'uvicorn, 1 process',
      runnerUp: 'gunicorn, 4 uvicorn workers',
      figureBound: 'in-flight',
      capped: true,
      tie: true,
    });
    const guide = renderGuide(summary, stamp);
    expect(guide).toMatch(
      /\| 23-io-sleep \| python-fastapi-pragmatic \| uvicorn, 1 process \(tied: fewer workers\) \| capacity \| ≥ [\d,]+ \[[^\]]+\] \(generator-bound\) \|/,
    );
    expect(guide).toContain(`A capacity marked \`≥ … (generator-bound)\` is a lower bound set by the load generator`);
    expect(guide).not.toContain('A capacity marked `≥` met the SLO at every step');
  });

  it('reads a capacity against the sweep its result records, not a sweep the definition has since changed to', () => {
    const [point] = at('capacity', 'default').filter((p) => p.scenario === '23-io-sleep' && p.cpus === 1);
    if (!point || !('sweep' in point.load)) throw new Error('the capacity round has no FastAPI io-sleep point at 1 CPU');
    const definedTop = point.load.sweep.startRatePerSec + (point.load.sweep.maxSteps - 1) * point.load.sweep.stepRatePerSec;
    // Measured when the sweep went 400, 800, … 2,000: every run met the SLO at its top, far below today's.
    const result = fixturePointResult(point, { ratesPerSec: [900, 900, 900], capacitiesPerSec: [2000, 2000, 2000], p50Us: 5_000 });
    if (result.cell.loadModel.kind !== 'sweep') throw new Error('a capacity fixture has a sweep load model');
    result.cell.loadModel.steps = [400, 800, 1200, 1600, 2000].map((ratePerSec) => ({ ratePerSec, durationMs: 10_000 }));
    expect(definedTop).toBeGreaterThan(2000);
    expect(pointOutcome(point, result)).toMatchObject({ capacityBound: 'sweep-top', sweep: { first: 400, top: 2000, step: 400 } });
  });

  it("writes a capacity as generator-bound when a run's sweep ended on the generator's own stall", () => {
    const [point] = at('capacity', 'default').filter((p) => p.scenario === '23-io-sleep' && p.cpus === 1);
    if (!point) throw new Error('the capacity round has no FastAPI io-sleep point at 1 CPU');
    const withStall = (stalled: boolean[]) => {
      const result = fixturePointResult(point, { ratesPerSec: [900, 900, 900], capacitiesPerSec: [3500, 3500, 3000], p50Us: 5_000 });
      stalled.forEach((s, i) => {
        result.extras[`sweep.generatorStalled.${i}`] = s;
      });
      return pointOutcome(point, result);
    };
    expect(withStall([false, false, true])).toMatchObject({ capacityCapped: true, capacityBound: 'generator-stall' });
    expect(withStall([false, false, false])).toMatchObject({ capacityCapped: false, capacityBound: null });
    const guide = renderGuide(summarizeExperiment(definition, missingOthers([withStall([false, false, true])]), 2), stamp);
    expect(guide).toMatch(/\| 23-io-sleep \| python-fastapi-pragmatic \| uvicorn, 1 process \| capacity \| ≥ [\d,]+ \[[^\]]+\] \(generator-bound\) \|/);
    expect(guide).toContain("can also come from the generator's own stalls");
  });

  it('names the generator that measured each capacity point, since a guide may hold sweeps of both while a workload is re-measured', () => {
    const [point] = at('capacity', 'default').filter((p) => p.scenario === '23-io-sleep' && p.cpus === 1);
    const [closed] = at('R1', 'default');
    if (!point || !closed || !('vus' in closed.load)) throw new Error('the fixture definition lacks a FastAPI io-sleep capacity or R1 point');
    const byLoadgen = fixturePointResult(point, { ratesPerSec: [900, 900, 900], capacitiesPerSec: [3500, 3500, 3000] });
    byLoadgen.plan.driver = 'loadgen';
    expect(pointOutcome(point, byLoadgen).driver).toBe('loadgen');
    const guide = renderGuide(
      summarizeExperiment(
        definition,
        missingOthers([pointOutcome(point, byLoadgen), pointOutcome(closed, fixturePointResult(closed, { ratesPerSec: [9, 9, 9] }))]),
        2,
      ),
      stamp,
    );
    // No server CPU for a sweep (its load moves every step), nor for a closed loop without a timeline.
    expect(guide).toMatch(/\| uvicorn, 1 process \| 1 \| 1 \| – \| sweep \(loadgen\) \|/);
    expect(guide).toMatch(new RegExp(`\\| uvicorn, 1 process \\| 1 \\| 1 \\| – \\| ${closed.load.vus} VUs \\|`));
  });

  it("reads a capacity point that is unstable only by its runs' rates as valid, and one with another reason as its file says", () => {
    const [point] = at('capacity', 'default').filter((p) => p.scenario === '25-cpu-fibonacci' && p.cpus === 1);
    const [closed] = at('R1', 'default');
    const withReasons = (p: Point, reasons: string[]) => {
      const result = fixturePointResult(p, { ratesPerSec: [15, 15, 20], capacitiesPerSec: [20, 20, 25] });
      result.validity = { verdict: 'unstable', reasons };
      return pointOutcome(p, result);
    };
    const rateOnly = withReasons(point!, ['CV of ratePerSec across 5 runs is 13.3% (limit 10.0%) after maxRuns']);
    expect(rateOnly).toMatchObject({ verdict: 'valid', recordedVerdict: 'unstable' });
    expect(withReasons(point!, ['CV of ratePerSec across 5 runs is 13.3% (limit 10.0%) after maxRuns', 'another'])).toMatchObject({ verdict: 'unstable' });
    expect(withReasons(closed!, ['CV of ratePerSec across 5 runs is 13.3% (limit 10.0%) after maxRuns'])).toMatchObject({ verdict: 'unstable' });
    const guide = renderGuide(summarizeExperiment(definition, missingOthers([rateOnly]), 2), stamp);
    expect(guide).toMatch(/\| sweep \(native\) \| [^\n]+ \| valid \(file: unstable\) \|/);
    expect(guide).toContain("or because its runs' capacities differ by no more than one sweep step");
    expect(guide).toContain("`valid (file: unstable)` marks a capacity point that the lab's gate called unstable only because");
  });

  it('reads a capacity point whose runs differ by one sweep step as valid, and by two steps as its file says', () => {
    const [point] = at('capacity', 'default').filter((p) => p.scenario === '25-cpu-fibonacci' && p.cpus === 1);
    if (!point || !('sweep' in point.load)) throw new Error('the capacity round has no FastAPI fibonacci point at 1 CPU');
    const step = point.load.sweep.stepRatePerSec;
    const withCapacities = (capacitiesPerSec: [number, number, number]) => {
      const result = fixturePointResult(point, { ratesPerSec: [15, 15, 15], capacitiesPerSec });
      result.validity = { verdict: 'unstable', reasons: ['CV of the sweep capacity across 3 runs is 12.4% (limit 10.0%) after maxRuns'] };
      return pointOutcome(point, result);
    };
    expect(withCapacities([4 * step, 4 * step, 5 * step])).toMatchObject({ verdict: 'valid', recordedVerdict: 'unstable' });
    expect(withCapacities([3 * step, 4 * step, 5 * step])).toMatchObject({ verdict: 'unstable' });
    // A run that found no capacity (recorded as 0) is never within a step, as in the gate.
    expect(withCapacities([0, step, step])).toMatchObject({ verdict: 'unstable' });
  });

  it('sets aside a closed-loop point whose runs gave up requests at their end as too-short, beside the verdict its file records', () => {
    const [a] = at('R1', 'default');
    const withDurations = (verdict: 'valid' | 'generator-bound', extraMs: number[]) => {
      const result = fixturePointResult(a!, { ratesPerSec: [7, 8, 7], verdict });
      result.runs.forEach((run, i) => {
        run.durationMs = result.plan.runDurationMs + extraMs[i]!;
      });
      return pointOutcome(a!, result);
    };
    // Two of three runs waited out the engine's 5 s grace: requests were given up.
    const short = withDurations('generator-bound', [5_001, 4_990, 3_000]);
    expect(short).toMatchObject({ verdict: 'too-short', recordedVerdict: 'generator-bound' });
    expect(withDurations('valid', [5_001, 3_000, 400])).toMatchObject({ verdict: 'valid', recordedVerdict: 'valid' });
    const summary = summarizeExperiment(definition, missingOthers([short]), 2);
    expect(summary.coverage.valid).toBe(0);
    const guide = renderGuide(summary, stamp);
    expect(guide).toMatch(/\| too-short \(file: generator-bound\) \|/);
    expect(guide).toContain('`too-short` marks a closed-loop point whose runs are too short for its latencies');
  });
});

describe('readPointOutcomes', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'server-config-results-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads a written result, marks an absent one missing and a corrupt one unreadable', async () => {
    const [a, b, c] = at('R1', 'default');
    await writeResultFile(join(root, resultPath(definition.id, a!)), fixturePointResult(a!, { ratesPerSec: [10, 11, 12], capacitiesPerSec: [100, 120, 110] }));
    await mkdir(join(root, 'results/raw', definition.id), { recursive: true });
    await writeFile(join(root, resultPath(definition.id, c!)), '{"schemaVersion": 2}');
    const [ra, rb, rc] = await readPointOutcomes(root, definition.id, [a!, b!, c!]);
    expect(ra).toMatchObject({ status: 'measured', verdict: 'valid', ratesPerSec: [10, 11, 12], capacitiesPerSec: [100, 120, 110], serverProcesses: 1 });
    expect(ra!.capacity?.kind).toBe('ci');
    expect(rb!.status).toBe('missing');
    expect(rc!.status).toBe('unreadable');
  });
});

describe('buildGuide', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'server-config-guide-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const guideOf = (hostCores: number) => buildGuide({ workspaceRoot, resultsDir: relative(workspaceRoot, dir), hostCores, command: 'test' });

  it('with no result, names no date and skips points by the cores of this host', async () => {
    const { summary, guide } = await guideOf(2);
    expect(guide).toContain('Generated by `test` from the result files');
    expect(guide).not.toContain('newest written');
    expect(summary.hostCores).toBe(2);
  });

  it('names the day of the newest result and judges skipped points by the cores of the host that measured them, whatever host builds it', async () => {
    const [a, b] = at('R1', 'default');
    for (const [point, createdAt] of [
      [a!, '2026-12-01T23:59:00.000Z'],
      [b!, '2026-12-03T08:00:00.000Z'],
    ] as const) {
      const result = fixturePointResult(point, { ratesPerSec: [10, 11, 12] });
      result.provenance = { ...result.provenance, createdAt, hostFingerprint: { ...result.provenance.hostFingerprint, cores: 4 } };
      await writeResultFile(join(dir, `${point.id}.json`), result);
    }
    const [here, elsewhere] = [await guideOf(2), await guideOf(64)];
    expect(here.guide).toContain('; the newest written on 2026-12-03)');
    expect(here.summary.hostCores).toBe(4);
    expect(elsewhere.guide).toBe(here.guide);
  });

  it('names the host class in its title and links the guides of the other host classes', async () => {
    const otherGuides = [{ hostClass: 'Intel(R) Xeon(R) Processor ×2', path: 'deployment-guides/intel-xeon-processor-x2.md' }];
    const { summary, guide } = await buildGuide({ workspaceRoot, resultsDir: relative(workspaceRoot, dir), hostCores: 2, command: 'test', otherGuides });
    expect(summary.hostClass).toBe('AMD EPYC 7B13 ×4');
    expect(guide.split('\n')[0]).toBe('# Deployment guide: process models by workload and CPU budget on AMD EPYC 7B13 ×4');
    expect(guide).toContain(
      'Host class of these results: **AMD EPYC 7B13 ×4** (CPU model × cores). Points measured on other CPU models are never judged with these; each host class has its own guide: [Intel(R) Xeon(R) Processor ×2](deployment-guides/intel-xeon-processor-x2.md).',
    );
  });
});
