// @ts-check
/**
 * An experiment definition (`experiments/<id>/experiment.json`): its zod schema, the checks
 * against the workspace (implementations, variants, scenarios, profiles), and its expansion
 * into points. Plain CommonJS so that the Nx plugin (loaded with `require`) and the TypeScript
 * report code read one definition the same way.
 *
 * A point is one measurement: implementation × variant × scenario × CPU budget × load, where the
 * load is a closed loop of `vus` virtual users or a capacity sweep under the experiment's SLO.
 * The matrix is the union of the rounds, each a cross product of its lists.
 */
const { z } = require('zod');
const { formatProblems, toProblems } = require('./manifest-problems.cjs');

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const positive = () => z.number().positive('must be > 0');
const count = () => z.number().int('must be a whole number').min(1, 'must be ≥ 1');

/** A capacity sweep, requests per second: open steps at start, start + step, … (at most maxSteps). */
const sweepSchema = z.strictObject({ startRatePerSec: positive(), stepRatePerSec: positive(), maxSteps: count() });

/** A generator that can measure sweeps, named as `lab bench --driver` takes it (wrk runs closed loops only). */
const sweepDriverSchema = z.enum(['loadgen', 'native']);

const modelSchema = z.strictObject({
  /** The manifest variant (`default`: the manifest as is). */
  variant: z.string().min(1),
  /** What people call the process model, e.g. `gunicorn, 2 workers`. */
  label: z.string().min(1),
  /** Workers that can run the language on a CPU at once (processes × GIL-free threads; GOMAXPROCS for Go). */
  workers: count(),
  /** Whether each worker is one event loop (asyncio, Node) rather than a thread pool or one request at a time. */
  async: z.boolean(),
  /**
   * Models of one stack that differ in more than their workers (a JIT, another adapter) belong to
   * different families; the hypotheses compare models of one family only, so that a ratio measures
   * the workers and nothing else. Absent: the stack's one family.
   */
  family: z.string().min(1).optional(),
});

const roundSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, 'must be a name such as R1 or stacks'),
    description: z.string().min(1),
    /** Implementation ids of `stacks`, or `["*"]` for every stack. */
    impls: z.array(z.string().min(1)).min(1),
    /** Variants to take from each stack's models; absent = every model of the stack. */
    variants: z.array(z.string().min(1)).min(1).optional(),
    workloads: z.array(z.string().min(1)).min(1),
    /** CPU budgets (server CPUs), each one of `budgets[].cpus`. */
    budgets: z.array(positive()).min(1),
    /** Closed-loop concurrency levels, each one of `concurrency`. */
    vus: z.array(count()).min(1).optional(),
    /**
     * Length of each closed-loop run, seconds (`lab bench --duration`), replacing the preset's: for
     * work whose requests take seconds at this round's budgets, so that a run lasts many latencies
     * and the generator never gives up requests still in flight at its end. Absent: the preset's.
     */
    durationS: count().optional(),
    /** Measure capacity (the workload's sweep under the SLO) instead of closed loops. */
    capacity: z.literal(true).optional(),
  })
  .refine((r) => (r.vus === undefined) !== (r.capacity === undefined), { message: 'give either "vus" or "capacity": true', path: ['vus'] })
  .refine((r) => r.durationS === undefined || r.vus !== undefined, {
    message: '"durationS" sets the length of closed-loop runs; a capacity sweep sets its own',
    path: ['durationS'],
  });

/** The zod schema of `experiment.json` (strict: unknown keys are problems). */
const experimentSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(KEBAB, 'must be kebab-case, the folder name'),
  title: z.string().min(1),
  question: z.string().min(1),
  /** Capacity is the highest offered rate whose p99 stays within p99Ms (with at most the bench's maxErrorRate, 1 %, failed). */
  slo: z.strictObject({ p99Ms: positive() }),
  /**
   * The generator of the capacity sweeps: `loadgen` (the lab's Go generator, `--driver loadgen`) or
   * `native`, else the bench's choice (`auto`, which measures sweeps with the native driver). A
   * workload's own `sweepDriver` replaces it.
   */
  sweepDriver: sweepDriverSchema.optional(),
  /** Equivalence margin of the hypotheses, a fraction: 0.1 = ratios within 0.9–1.1 count as "the same". */
  margin: z.number().gt(0).lt(1),
  /** Family-wise confidence of each hypothesis's intervals (Bonferroni over its comparisons). */
  confidence: z.number().gt(0.5).lt(1),
  /** Server CPU budgets: the resource profile of each and the cores that profile needs (checked against the profile). */
  budgets: z.array(z.strictObject({ cpus: positive(), profile: z.string().min(1), minCores: count() })).min(1),
  concurrency: z.array(count()).min(1),
  workloads: z
    .array(
      z.strictObject({
        scenario: z.string().min(1),
        kind: z.enum(['io', 'cpu', 'mixed']),
        /** The capacity sweep of this workload, requests per second (a stack's `sweeps` may replace it). */
        sweep: sweepSchema,
        /**
         * The generator of this workload's sweeps, replacing the experiment's `sweepDriver`: where
         * the fastest stacks reach thousands of requests per second (I/O waits), the native
         * generator's own event loop becomes the limit first.
         */
        sweepDriver: sweepDriverSchema.optional(),
      }),
    )
    .min(1),
  stacks: z
    .array(
      z.strictObject({
        impl: z.string().regex(KEBAB, 'must be an implementation folder name'),
        models: z.array(modelSchema).min(1),
        /**
         * This stack's own capacity sweeps by workload scenario, replacing the workload's: a sweep
         * must bracket the capacity, and capacities differ between stacks by 40× on the same work.
         */
        sweeps: z.record(z.string(), sweepSchema).optional(),
      }),
    )
    .min(1),
  hypotheses: z
    .array(
      z.strictObject({
        id: z.string().regex(/^H\d+$/, 'must be H1, H2, …'),
        statement: z.string().min(1),
        workload: z.enum(['io', 'cpu', 'mixed']),
        rule: z.enum(['single-async-matches-multi', 'over-budget-workers-add-nothing', 'workers-equal-budget-best']),
      }),
    )
    .min(1),
  rounds: z.array(roundSchema).min(1),
});

/**
 * @typedef {z.output<typeof experimentSchema>} ExperimentDefinition
 * @typedef {z.output<typeof modelSchema>} ProcessModel
 * @typedef {import('./manifest-problems.cjs').ManifestProblem} DefinitionProblem
 * @typedef {{ implementations: Record<string, string[]>, scenarios: string[], profiles?: Array<{ name: string, minCores: number }> }} WorkspaceFacts
 *   What the definition is checked against: implementation ids with their variant ids, scenario ids, and (from the TypeScript side) profiles.
 * @typedef {z.output<typeof sweepSchema>} Sweep
 * @typedef {{ vus: number, durationS?: number } | { capacity: true, sweep: Sweep }} PointLoad
 *   A closed loop of `vus` virtual users (with runs of `durationS` seconds when its round sets them), or a capacity sweep
 *   (the stack's own for the workload, else the workload's).
 * @typedef {{ id: string, impl: string, variant: string, model: ProcessModel, scenario: string, kind: 'io' | 'cpu' | 'mixed', cpus: number, profile: string, minCores: number, load: PointLoad, rounds: string[] }} Point
 */

/**
 * Parses and checks a definition: the schema, then every cross-reference (round lists against
 * the definition's own lists, stacks against the implementations and their variants, workloads
 * against the scenarios, budgets against the profiles when given). Every problem is reported at
 * once with its path and a hint.
 * @param {string} text the file's contents
 * @param {string} file path relative to the workspace root, for messages
 * @param {WorkspaceFacts} facts
 * @returns {{ ok: true, definition: ExperimentDefinition } | { ok: false, problems: DefinitionProblem[] }}
 */
function parseExperiment(text, file, facts) {
  /** @type {unknown} */
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ file, path: '(root)', message: `not JSON: ${/** @type {Error} */ (e).message}`, hint: 'fix the syntax' }] };
  }
  const parsed = experimentSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.flatMap((issue) => toProblems(issue, file, raw)) };
  const problems = crossReferenceProblems(parsed.data, file, facts);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, definition: parsed.data };
}

/**
 * @param {ExperimentDefinition} d
 * @param {string} file
 * @param {WorkspaceFacts} facts
 * @returns {DefinitionProblem[]}
 */
function crossReferenceProblems(d, file, facts) {
  /** @type {DefinitionProblem[]} */
  const problems = [];
  const add = (/** @type {string} */ path, /** @type {string} */ message, /** @type {string} */ hint) => problems.push({ file, path, message, hint });
  const duplicates = (/** @type {readonly unknown[]} */ xs) => xs.filter((x, i) => xs.indexOf(x) !== i);
  const scenarios = d.workloads.map((w) => w.scenario);
  const stacks = d.stacks.map((s) => s.impl);
  const budgets = d.budgets.map((b) => b.cpus);
  for (const [path, xs] of /** @type {const} */ ([
    ['workloads', scenarios],
    ['stacks', stacks],
    ['budgets', budgets],
    ['concurrency', d.concurrency],
    ['rounds', d.rounds.map((r) => r.id)],
    ['hypotheses', d.hypotheses.map((h) => h.id)],
  ])) {
    for (const x of new Set(duplicates(xs))) add(path, `"${x}" appears twice`, 'list each once');
  }
  d.workloads.forEach((w, i) => {
    if (!facts.scenarios.includes(w.scenario))
      add(
        `workloads.${i}.scenario`,
        `no scenario "${w.scenario}"`,
        `scenario ids are the folders under scenarios/ (${facts.scenarios.length} found; \`lab list\`)`,
      );
  });
  d.budgets.forEach((b, i) => {
    const profile = facts.profiles?.find((p) => p.name === b.profile);
    if (facts.profiles && !profile)
      add(`budgets.${i}.profile`, `no resource profile "${b.profile}"`, `known profiles: ${facts.profiles.map((p) => p.name).join(', ')}`);
    if (profile && profile.minCores !== b.minCores)
      add(
        `budgets.${i}.minCores`,
        `profile ${b.profile} needs ${profile.minCores} cores, not ${b.minCores}`,
        `set "minCores": ${profile.minCores} (libs/isolation/src/profiles.ts)`,
      );
  });
  d.stacks.forEach((s, i) => {
    const variants = facts.implementations[s.impl];
    if (!variants) {
      add(`stacks.${i}.impl`, `no implementation "${s.impl}"`, 'implementation ids are the folders under implementations/ (`lab list`)');
      return;
    }
    for (const dup of new Set(duplicates(s.models.map((m) => m.variant))))
      add(`stacks.${i}.models`, `variant "${dup}" appears twice`, 'list each process model once');
    Object.keys(s.sweeps ?? {}).forEach((scenario) => {
      if (!scenarios.includes(scenario))
        add(`stacks.${i}.sweeps.${scenario}`, `"${scenario}" is not among "workloads"`, `key each sweep by a workload's scenario: ${scenarios.join(', ')}`);
    });
    s.models.forEach((m, j) => {
      if (m.variant !== 'default' && !variants.includes(m.variant)) {
        add(
          `stacks.${i}.models.${j}.variant`,
          `${s.impl} has no variant "${m.variant}"`,
          `its variants: default, ${variants.join(', ') || '(none)'}; add it to implementations/${s.impl}/lab.json`,
        );
      }
    });
  });
  d.rounds.forEach((r, i) => {
    const at = (/** @type {string} */ key) => `rounds.${i}.${key}`;
    const impls = r.impls.includes('*') ? stacks : r.impls;
    r.impls.forEach((impl, j) => {
      if (impl !== '*' && !stacks.includes(impl)) add(`${at('impls')}.${j}`, `"${impl}" is not among "stacks"`, `use one of: *, ${stacks.join(', ')}`);
    });
    r.variants?.forEach((v, j) => {
      const holders = impls.filter((impl) => d.stacks.find((s) => s.impl === impl)?.models.some((m) => m.variant === v));
      if (holders.length === 0) add(`${at('variants')}.${j}`, `no stack of this round has a model "${v}"`, 'name a variant listed under stacks[].models');
    });
    r.workloads.forEach((w, j) => {
      if (!scenarios.includes(w)) add(`${at('workloads')}.${j}`, `"${w}" is not among "workloads"`, `use one of: ${scenarios.join(', ')}`);
    });
    r.budgets.forEach((b, j) => {
      if (!budgets.includes(b)) add(`${at('budgets')}.${j}`, `${b} CPU is not among "budgets"`, `use one of: ${budgets.join(', ')}`);
    });
    r.vus?.forEach((v, j) => {
      if (!d.concurrency.includes(v)) add(`${at('vus')}.${j}`, `${v} VUs is not among "concurrency"`, `use one of: ${d.concurrency.join(', ')}`);
    });
  });
  if (problems.length === 0) problems.push(...durationConflicts(d, file));
  return problems;
}

/**
 * A point that two rounds both contain is measured once, so they must agree on its run length:
 * one problem per round whose `durationS` differs from that of an earlier round sharing a point.
 * @param {ExperimentDefinition} d
 * @param {string} file
 * @returns {DefinitionProblem[]}
 */
function durationConflicts(d, file) {
  /** @type {Map<string, { round: string, durationS: number | undefined }>} */
  const first = new Map();
  /** @type {Map<number, DefinitionProblem>} */
  const problems = new Map();
  const runLength = (/** @type {number | undefined} */ s) => (s === undefined ? "the preset's run length" : `runs of ${s} s`);
  d.rounds.forEach((round, i) => {
    for (const { id } of roundPoints(d, round)) {
      const earlier = first.get(id);
      if (!earlier) first.set(id, { round: round.id, durationS: round.durationS });
      else if (earlier.durationS !== round.durationS && !problems.has(i))
        problems.set(i, {
          file,
          path: `rounds.${i}.durationS`,
          message: `point ${id} is also in round ${earlier.round}, which gives it ${runLength(earlier.durationS)}, not ${runLength(round.durationS)}`,
          hint: 'a point is measured once: give both rounds the same "durationS", or take the point out of one of them',
        });
    }
  });
  return [...problems.values()];
}

/**
 * A point's id, used for its Nx project and result file: `<impl>--<variant>--<scenario>--cpu<budget>--vus<n>` or `…--capacity`.
 * @param {{ impl: string, variant: string, scenario: string, cpus: number, load: PointLoad }} p
 */
function pointId(p) {
  const load = 'vus' in p.load ? `vus${p.load.vus}` : 'capacity';
  return `${p.impl}--${p.variant}--${p.scenario}--cpu${String(p.cpus).replace('.', '_')}--${load}`;
}

/**
 * Every point of the matrix, once, in a stable order, each with the rounds that contain it.
 * @param {ExperimentDefinition} d
 * @returns {Point[]}
 */
function expandPoints(d) {
  /** @type {Map<string, Point>} */
  const points = new Map();
  for (const round of d.rounds)
    for (const point of roundPoints(d, round)) {
      const existing = points.get(point.id);
      if (existing) existing.rounds.push(round.id);
      else points.set(point.id, point);
    }
  return [...points.values()];
}

/**
 * The points of one round (its cross product of stacks' models, workloads, budgets and loads), each listing only that round.
 * @param {ExperimentDefinition} d
 * @param {ExperimentDefinition['rounds'][number]} round
 * @returns {Point[]}
 */
function roundPoints(d, round) {
  /** @type {Point[]} */
  const out = [];
  const impls = round.impls.includes('*') ? d.stacks.map((s) => s.impl) : round.impls;
  for (const impl of impls) {
    const stack = d.stacks.find((s) => s.impl === impl);
    const models = (stack?.models ?? []).filter((m) => !round.variants || round.variants.includes(m.variant));
    for (const model of models)
      for (const scenario of round.workloads)
        for (const cpus of round.budgets)
          for (const load of round.capacity
            ? [{ capacity: /** @type {const} */ (true), sweep: sweepOf(d, impl, scenario) }]
            : (round.vus ?? []).map((vus) => (round.durationS === undefined ? { vus } : { vus, durationS: round.durationS }))) {
            const workload = /** @type {ExperimentDefinition['workloads'][number]} */ (d.workloads.find((w) => w.scenario === scenario));
            const { profile, minCores } = /** @type {ExperimentDefinition['budgets'][number]} */ (d.budgets.find((b) => b.cpus === cpus));
            const base = { impl, variant: model.variant, scenario, cpus, load };
            out.push({ id: pointId(base), ...base, model, kind: workload.kind, profile, minCores, rounds: [round.id] });
          }
  }
  return out;
}

/**
 * The capacity sweep of `impl` on workload `scenario`: the stack's own (`stacks[].sweeps`), else the workload's.
 * @param {ExperimentDefinition} d
 * @param {string} impl
 * @param {string} scenario
 * @returns {Sweep}
 */
function sweepOf(d, impl, scenario) {
  const own = d.stacks.find((s) => s.impl === impl)?.sweeps?.[scenario];
  return own ?? /** @type {ExperimentDefinition['workloads'][number]} */ (d.workloads.find((w) => w.scenario === scenario)).sweep;
}

/**
 * The rate of a sweep's last step, requests per second: a capacity this high met the SLO at every
 * step, so it is a lower bound, not a measurement.
 * @param {Sweep} s
 */
function sweepTopRatePerSec(s) {
  return s.startRatePerSec + (s.maxSteps - 1) * s.stepRatePerSec;
}

/**
 * The generator that measures workload `scenario`'s sweeps: the workload's `sweepDriver`, else the
 * experiment's; undefined leaves the choice to the bench (`auto`).
 * @param {ExperimentDefinition} d
 * @param {string} scenario
 * @returns {'loadgen' | 'native' | undefined}
 */
function sweepDriverOf(d, scenario) {
  return d.workloads.find((w) => w.scenario === scenario)?.sweepDriver ?? d.sweepDriver;
}

/**
 * The `lab bench` flags of a point (after `--impl … --scenario …`): variant, profile, and `--vus`
 * (with `--duration` when its round sets the run length) or `--sweep` (with its workload's
 * `--driver` for sweeps, when it names one: {@link sweepDriverOf}).
 * @param {ExperimentDefinition} d
 * @param {Point} p
 */
function pointBenchFlags(d, p) {
  const flags = [`--profile ${p.profile}`];
  if (p.variant !== 'default') flags.unshift(`--variant ${p.variant}`);
  if ('vus' in p.load) {
    flags.push(`--vus ${p.load.vus}`);
    if (p.load.durationS !== undefined) flags.push(`--duration ${p.load.durationS}s`);
  } else {
    const s = p.load.sweep;
    flags.push(`--sweep ${s.startRatePerSec}:${s.stepRatePerSec}:${s.maxSteps}:${d.slo.p99Ms}`);
    const driver = sweepDriverOf(d, p.scenario);
    if (driver) flags.push(`--driver ${driver}`);
  }
  return flags.join(' ');
}

module.exports = { experimentSchema, parseExperiment, expandPoints, pointId, pointBenchFlags, sweepTopRatePerSec, formatProblems };
