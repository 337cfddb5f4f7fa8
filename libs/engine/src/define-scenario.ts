import { SCENARIO_CATEGORIES, type ScenarioCategory } from '@lab/contract';
import { z } from 'zod';
import type { CheckCount } from './drivers/driver-result';
import { scenarioInvalid } from './errors';
import type { HttpClient } from './http/http-client';
import { type LoadSpec, loadSchema } from './load/load-spec';
import type { TrendUnit } from './metrics/trend';
import { type ObserveSpec, observeSchema } from './observe/observe-spec';
import type { Random } from './random';
import { type Threshold, type ThresholdSpec, parseThreshold } from './threshold';

/** Scenario categories (the folders of the original lab, plus `stress`). */
export type { ScenarioCategory } from '@lab/contract';

export type { ClosedLoad, LoadSpec, OpenLoad, OpenStage, OpenStagesLoad, SweepLoad } from './load/load-spec';

/** What setup and teardown receive: an unmeasured client. */
export interface SetupContext {
  http: HttpClient;
  baseUrl: string;
  random: Random;
}
/** What teardown receives: the unmeasured client plus what the load phase counted. */
export interface TeardownContext extends SetupContext {
  /** `ctx.count` totals of the load phase. */
  counters: Readonly<Record<string, number>>;
  /** Check counts of the load phase. */
  checks: Readonly<Record<string, CheckCount>>;
}
/** Scenario-specific figures: flat keys (dotted by convention, `cache.hitRatio`) to scalars, as the result file stores them. */
export type Extras = Record<string, number | string | boolean>;
/** What teardown may return: `extras` are copied into the result (e.g. lost updates, hit ratio). */
export interface TeardownResult {
  extras?: Extras;
}
/** Options of `ctx.record`. */
export interface RecordOptions {
  /** Group of the value; default the enclosing `ctx.group`. The trend key is `<group>::<name>`. */
  group?: string;
  /** Unit of the value. Default `ms` for names ending in `_ms`/`Ms`, `us` for `_us`/`Us`, else `none`. */
  unit?: TrendUnit;
}
/** What each iteration receives. */
export interface IterationContext<S = unknown> {
  /** Measured client. */
  http: HttpClient;
  /** Records a named check; returns `ok`. A failure is counted, never thrown. */
  check(name: string, ok: boolean): boolean;
  /**
   * Runs `fn` with every request inside tagged with group `name` (like k6's `group`), and
   * records its wall time in ms into the trend `<name>::duration` (k6's `group_duration`).
   */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Adds a value to a custom trend (k6's `Trend.add`), e.g. the server-side `elapsed_ms`. */
  record(name: string, value: number, opts?: RecordOptions): void;
  /** Adds `by` (default 1) to a custom counter (k6's `Counter.add`). */
  count(name: string, by?: number): void;
  /** What `setup` returned. */
  setupData: S;
}
/** The virtual user running an iteration. `random` is seeded from (seed, id): deterministic. */
export interface Vu {
  /** 1-based, like k6's `__VU`. */
  id: number;
  /** 0-based iteration count of this VU, like k6's `__ITER`. */
  iteration: number;
  random: Random;
  /** The 0-based stage of an `open-stages` load this iteration was scheduled in; 0 otherwise. */
  stage: number;
}
/**
 * A comparison the report should test: `ratio = metric(a) / metric(b)` over groups a and b, e.g.
 * "lazy p50 ≥ 3× eager p50". Groups run one after another in the same closed-loop iteration
 * always have equal `ratePerSec`; compare those on latency.
 */
export interface Hypothesis {
  id: string;
  statement: string;
  metric: 'ratePerSec' | 'p50' | 'p90' | 'p95' | 'p99' | 'mean';
  compare: { a: string; b: string };
  expectRatioAtLeast?: number;
}
/** One request of a stateless wrk mix. `weight` is a positive integer, default 1. */
export interface WrkRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  weight?: number;
  /** Group and endpoint tags; wrk reports one distribution, so they only label a single-tag mix. */
  group?: string;
  endpoint?: string;
}

/** A scenario as written in `scenarios/<NN>-<slug>/scenario.ts`. */
export interface ScenarioSpec<S = unknown> {
  id: string;
  title: string;
  category: ScenarioCategory;
  description: string;
  endpoints: string[];
  load: LoadSpec;
  needs?: { postgres?: boolean; redis?: boolean; upstream?: boolean };
  /**
   * The runner must give every measured run (warm-up excluded) a freshly seeded database, for
   * scenarios that write to what they read (08). Default false.
   */
  freshDatabasePerRun?: boolean;
  /** What the runner must sample beside the load (server memory, queries per request). */
  observe?: ObserveSpec;
  setup?: (ctx: SetupContext) => S | Promise<S>;
  /** Unmeasured, once after the load; may return `{ extras }` for the result. */
  teardown?: (ctx: TeardownContext, setupData: S) => void | TeardownResult | Promise<void | TeardownResult>;
  iteration: (ctx: IterationContext<S>, vu: Vu) => Promise<void>;
  thresholds?: ThresholdSpec[];
  hypotheses?: Hypothesis[];
  /** A stateless request mix for the wrk driver; derived from a fixed iteration when absent. */
  wrk?: { requests: WrkRequest[] };
}

/** A validated scenario, with defaults filled and thresholds parsed. */
export interface Scenario<S = unknown> extends ScenarioSpec<S> {
  needs: { postgres: boolean; redis: boolean; upstream: boolean };
  thresholds: ThresholdSpec[];
  hypotheses: Hypothesis[];
  parsedThresholds: Threshold[];
}

const positiveInt = (what = 'must be ≥ 1') => z.number().int('must be an integer').min(1, what);
const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', { message: 'must be a function' });

const thresholdExpr = z.string().superRefine((s, ctx) => {
  const parsed = parseThreshold(s);
  if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
});
const trendExpr = thresholdExpr.refine(
  (s) => !/^\s*(errors|checks|rate)\b/.test(s),
  'a trend threshold takes a latency-style metric (pNN, med, avg, min, max)',
);

const scenarioSchema = z.strictObject({
  id: z.string().regex(/^\d{2}(?:-[a-z0-9]+)+$/, 'must look like NN-slug, e.g. 09-db-pagination'),
  title: z.string().min(1, 'must not be empty'),
  category: z.enum(SCENARIO_CATEGORIES),
  description: z.string().min(1, 'must not be empty'),
  endpoints: z.array(z.string().min(1, 'must not be empty')).min(1, 'must name at least one endpoint'),
  load: loadSchema,
  needs: z.strictObject({ postgres: z.boolean().optional(), redis: z.boolean().optional(), upstream: z.boolean().optional() }).optional(),
  freshDatabasePerRun: z.boolean().optional(),
  observe: observeSchema.optional(),
  setup: fn.optional(),
  teardown: fn.optional(),
  iteration: fn,
  thresholds: z
    .array(
      z.union([
        thresholdExpr,
        z.strictObject({ group: z.string().min(1), expr: thresholdExpr }),
        z.strictObject({ trend: z.string().min(1), expr: trendExpr }),
      ]),
    )
    .optional(),
  hypotheses: z
    .array(
      z.strictObject({
        id: z.string().min(1, 'must not be empty'),
        statement: z.string().min(1, 'must not be empty'),
        metric: z.enum(['ratePerSec', 'p50', 'p90', 'p95', 'p99', 'mean']),
        compare: z.strictObject({ a: z.string().min(1), b: z.string().min(1) }).refine((c) => c.a !== c.b, 'a and b must differ'),
        expectRatioAtLeast: z.number().positive('must be > 0').optional(),
      }),
    )
    .optional(),
  wrk: z
    .strictObject({
      requests: z
        .array(
          z.strictObject({
            method: z.string().regex(/^[A-Z]+$/, 'must be an upper-case HTTP method'),
            path: z.string().startsWith('/', 'must start with /'),
            headers: z.record(z.string(), z.string()).optional(),
            body: z.string().optional(),
            weight: positiveInt().optional(),
            group: z.string().min(1).optional(),
            endpoint: z.string().min(1).optional(),
          }),
        )
        .min(1, 'must hold at least one request'),
    })
    .optional(),
});

/** Formats a zod path as `load.vus` / `thresholds[1]`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(scenario)';
}

/**
 * Validates and normalises a scenario. Throws ONE `EngineError` (`LAB_SCENARIO_INVALID`) whose
 * `problems` list every problem as `path: message`.
 */
export function defineScenario<S = unknown>(spec: ScenarioSpec<S>): Scenario<S> {
  const parsed = scenarioSchema.safeParse(spec);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((i) =>
      i.code === 'unrecognized_keys' ? i.keys.map((k) => `${formatPath([...i.path, k])}: unknown field`) : [`${formatPath(i.path)}: ${i.message}`],
    );
    const id = typeof (spec as { id?: unknown })?.id === 'string' ? (spec as { id: string }).id : '<no id>';
    throw scenarioInvalid(id, problems);
  }
  const thresholds = spec.thresholds ?? [];
  const parsedThresholds = thresholds.map(
    (t) =>
      (typeof t === 'string' ? parseThreshold(t) : 'trend' in t ? parseThreshold(t.expr, undefined, t.trend) : parseThreshold(t.expr, t.group)) as Threshold,
  );
  return {
    ...spec,
    needs: { postgres: false, redis: false, upstream: false, ...spec.needs },
    thresholds,
    hypotheses: spec.hypotheses ?? [],
    parsedThresholds,
  };
}
