import { SCENARIO_CATEGORIES } from '@lab/contract';
/** One flag of a command, as `--help` shows it and `parseArgs` reads it. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder in help, e.g. `<id>`. */
  value?: string;
  description: string;
  /** The default, as help shows it. */
  default?: string;
  /** May be given several times (values also split on commas); read as a list. */
  multiple?: boolean;
}

/** A command: its flags, positional arguments and help text. */
export interface CommandSpec {
  name: CommandName;
  summary: string;
  usage: string;
  /** Paragraph under the usage line. */
  details: string;
  flags: Record<string, FlagSpec>;
  /** Most positional arguments it takes. */
  maxPositionals: number;
  examples: string[];
}

/** The commands `lab` knows today. */
export type CommandName = 'list' | 'doctor' | 'up' | 'verify' | 'scenario' | 'bench' | 'publish' | 'calibrate' | 'report' | 'docs' | 'warmup' | 'precision';

const json: FlagSpec = { type: 'boolean', description: 'print machine-readable JSON on stdout', default: 'off' };
const variant: FlagSpec = {
  type: 'string',
  value: '<id>',
  description: 'run a variant from the manifest\'s "variants" (its env is applied last)',
  default: 'none: the manifest as is',
};

/** Flags every command accepts. */
export const GLOBAL_FLAGS: Record<string, FlagSpec> = {
  workspace: { type: 'string', value: '<dir>', description: 'the lab workspace to use', default: '$LAB_WORKSPACE, else this checkout' },
  'print-config': { type: 'boolean', description: 'print the resolved configuration as JSON on stdout and exit', default: 'off' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
};

/** Every command, in the order `lab --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'list',
    summary: 'list implementations (language, framework, server, ORM, variants) and scenarios',
    usage: 'lab list [--json]',
    details: 'Reads implementations/*/lab.json and scenarios/*/scenario.ts. Invalid manifests are reported (exit 3) after the valid ones.',
    flags: { json },
    maxPositionals: 0,
    examples: ['lab list', 'lab list --json | jq -r ".implementations[].id"'],
  },
  {
    name: 'doctor',
    summary: 'check this machine for everything the lab needs, with a fix for each gap',
    usage: 'lab doctor [--json]',
    details:
      'Checks Node, node_modules, PostgreSQL (+ pg_stat_statements), Redis, wrk, the manifests and the toolchains of the implementations present; reports Docker, cgroups and the cache directories. Exit 0 when everything required is present, else 1.',
    flags: { json },
    maxPositionals: 0,
    examples: ['lab doctor', 'lab doctor --json | jq ".checks[] | select(.status != \\"ok\\")"'],
  },
  {
    name: 'up',
    summary: 'start PostgreSQL, Redis, the upstream stub and one implementation until Ctrl-C',
    usage: 'lab up <impl> [--variant <id>] [--port <n>]',
    details:
      'For development: starts the services on free loopback ports, then the implementation with its manifest start command, waits for its readiness probe and prints its URL. Ctrl-C stops everything.',
    flags: {
      variant,
      port: { type: 'string', value: '<n>', description: 'port of the implementation (1-65535)', default: 'a free port' },
    },
    maxPositionals: 1,
    examples: ['lab up typescript-node-http', 'lab up typescript-node-http --variant cluster-2 --port 8000'],
  },
  {
    name: 'verify',
    summary: 'check implementations against the contract (conformance) on a live instance',
    usage: 'lab verify <impl> | --all [--variant <id>] [--only <group,...>] [--fuzz [--fuzz-budget <n|d>] [--seed <n>]] [--write-facts] [--json]',
    details:
      "Starts the services and the implementation, runs the conformance checks, stops everything. The report states the SQL statements per request the database saw for the profiled endpoints (pg_stat_statements: framework-added BEGIN/ROLLBACK and connection checks included). With --fuzz, then sends property-based requests derived from the contract's zod schemas (fixed regression cases first, then generated ones from a fixed seed) and fails on any 5xx, timeout (5 s), dropped connection, undocumented status, body that does not match its schema or 405 without the exact Allow header; each failure is printed with a curl command; the stage restores what it changed. Exit 0 when no error-severity problem was found, 1 otherwise. With --json, stdout is the ConformanceReport (with a fuzz member under --fuzz; an array of {impl, variant, report, fuzz} with --all).",
    flags: {
      all: { type: 'boolean', description: 'verify every implementation, one after another', default: 'off' },
      variant,
      only: {
        type: 'string',
        value: '<group,...>',
        description: 'run only the checks of these endpoint groups (or endpoint ids), comma-separated',
        default: 'every group',
      },
      fuzz: { type: 'boolean', description: 'after the conformance checks, run the fuzz stage (also limited by --only)', default: 'off' },
      'fuzz-budget': {
        type: 'string',
        value: '<n|d>',
        description: 'fuzz budget: a request count (800) or a wall time (60s, 2m); needs --fuzz',
        default: '1500 requests or 60 s',
      },
      seed: { type: 'string', value: '<n>', description: 'seed of the generated fuzz requests; needs --fuzz', default: 'a fixed seed' },
      'write-facts': {
        type: 'boolean',
        description: `save what the gate observed of each verified implementation's defaults (statements per request of the profiled endpoints, passed or not, the day) into docs/data/implementation-facts.json, replacing only their entries; not with --variant or --only`,
        default: 'off',
      },
      json,
    },
    maxPositionals: 1,
    examples: [
      'lab verify typescript-node-http',
      'lab verify --all --write-facts',
      'lab verify --all --only basic,pagination',
      'lab verify python-fastapi --json > report.json',
      'lab verify --fuzz --fuzz-budget 400 go-fiber',
    ],
  },
  {
    name: 'scenario',
    summary: 'validate a scenario and write its resolved plan as JSON, without starting anything',
    usage: 'lab scenario build <id> [--out <file>] [--json]',
    details:
      "Loads scenarios/<id>/scenario.ts as lab bench does (defineScenario checks every field), checks its endpoint ids against the contract, and writes its plan: the load with its planned duration, the endpoints with method and path, the services it needs, the check names in its source, its thresholds (parsed), hypotheses, wrk request mix and hooks. Nothing is started; the Nx target scenario-<id>:build runs this before any of the scenario's cells. With --json the plan is also printed on stdout. Exit 0 valid, 2 unknown scenario, 3 invalid scenario.",
    flags: {
      out: { type: 'string', value: '<file>', description: 'where to write the plan', default: 'dist/scenarios/<id>/plan.json' },
      json,
    },
    maxPositionals: 2,
    examples: ['lab scenario build 03-db-read', 'lab scenario build 11-db-n-plus-one --json | jq .thresholds'],
  },
  {
    name: 'bench',
    summary: 'measure cells (implementation × scenario) until the numbers are precise, and write result files',
    usage:
      'lab bench --impl <id...|all> --scenario <id...|category|all> [--variant <id>] [--profile <name>] [--preset standard|quick|suite|publish] [--runs min..max] [--duration <d>] [--precision <p>] [--vus <n>] [--sweep <start:step:steps:p99ms>] [--driver auto|native|wrk|loadgen] [--quick] [--interleave] [--twin] [--dry-run] [--json] [--out <file>]',
    details: `--impl all takes every implementation present; --scenario takes scenario ids, category names (${SCENARIO_CATEGORIES.join(', ')}) or all. For every implementation × scenario, one after another (a machine-wide lock keeps two lab processes from measuring at once; with --interleave the runs of several cells alternate, A B, B A, …): services in their resource groups, the conformance gate on the scenario's endpoints, then warm-up and measured runs until the 95 % CI of the req/s (geometric mean of the runs, t interval on their logarithms; 3 runs at least) is within the precision target or the run cap is reached. Prints a summary per cell (req/s with its CI, p50/p90/p95/p99 from the merged histograms, checks, errors, validity) and, for several cells, a scenario × implementation table at the end; a failing cell is reported and the others still run. The generator ceiling comes from \`lab calibrate\` when this host and profile were calibrated. Precedence: defaults < preset < scenario < LAB_* (LAB_PROFILE, LAB_PRESET, LAB_RUNS, LAB_DURATION_MS, LAB_WARMUP_MS, LAB_PRECISION, LAB_DRIVER, LAB_SEED, LAB_GENERATOR_CEILING) < flags. Exit 0 ok, 1 a conformance gate failed, 3 a cell could not be measured (crash, setup), 4 a threshold was breached, 130 interrupted (143 after SIGTERM).`,
    flags: {
      impl: {
        type: 'string',
        value: '<id...>',
        multiple: true,
        description: 'implementations to measure (repeat the flag or separate with commas); all = every implementation present',
      },
      scenario: {
        type: 'string',
        value: '<id...>',
        multiple: true,
        description: 'scenarios to measure: ids, category names (basic, caching, ...) or all (repeat the flag or separate with commas)',
      },
      variant,
      profile: { type: 'string', value: '<name>', description: 'resource profile (default-2core, quota-0.5, original, none, ...)', default: 'by core count' },
      runs: { type: 'string', value: '<min..max>', description: 'measured runs: min..max, or n for exactly n', default: '3..10 (quick: 2..3)' },
      duration: { type: 'string', value: '<d>', description: 'length of each measured run: 30s, 500ms, 2m or milliseconds', default: "the scenario's" },
      precision: { type: 'string', value: '<p>', description: 'stop when the CI half-width is within ±p: 2% or 0.02', default: '2% (quick: 5%)' },
      driver: {
        type: 'string',
        value: '<auto|native|wrk|loadgen>',
        description:
          "load generator: auto picks loadgen (the lab's Go generator: raw latencies, merged histograms) for a closed load whose iteration always sends the same requests and whose thresholds read no checks or trends, else native (the lab's Node driver); --dry-run and the result's extras['driver.choice'] say which and why. wrk drives closed loads only; loadgen drives closed loads and, when asked for, sweeps (its open steps on one process and its connections; auto keeps native for sweeps)",
        default: 'auto',
      },
      preset: {
        type: 'string',
        value: '<name>',
        description:
          'standard; quick (1 s warm-up, 2..3 runs of at most 5 s, ±5 %); suite (1 s warm-up, exactly 3 runs of at most 3 s, quiet gate waits 2 s: the default suite, ranked only against other suite cells); publish (3 s warm-up, exactly 5 runs of 10 s: what lab publish measures); quick cells are indicative and never ranked',
        default: 'standard',
      },
      quick: { type: 'boolean', description: 'the same as --preset quick: a smoke measurement (never for ranking)', default: 'off' },
      interleave: {
        type: 'boolean',
        description:
          "with several cells, interleave their runs (round by round, alternating the order: A B C, C B A, …) so that the machine's speed drift hits every cell alike and their runs can be compared round by round; every cell's services stay up (idle) until its last run; a line per run on stderr; results record extras interleaved, interleaveCells and interleaveBlock",
        default: 'off (one cell after another)',
      },
      twin: {
        type: 'boolean',
        description:
          'a study of one cell: measure it as two identical copies with their runs interleaved (A A′, A′ A, …) and report how its run-to-run spread splits into what each run has on its own (server start, memory layout, a fresh database) and what both runs of a round share (the host drifting); the results go to tmp/twin/ (or --out and its .twin.json sibling), never to results/raw (docs/precision.md)',
        default: 'off',
      },
      vus: { type: 'string', value: '<n>', description: 'virtual users of a closed load (a concurrency level)', default: "the scenario's" },
      sweep: {
        type: 'string',
        value: '<start:step:steps:p99ms>',
        description:
          'replace the load by a saturation sweep: open steps of start, start+step, … req/s (each as long as a run) until p99 exceeds p99ms or errors exceed 1 %; a step whose p99 failed during a generator stall of p99ms/5 or more, by no more than the stall, is taken once more; the result records, per run, the capacity and whether a generator stall ended it (extras sweep.capacityRatePerSec.<run>, sweep.generatorStalled.<run>)',
        default: 'off',
      },
      'skip-gate': { type: 'boolean', description: 'do not run the conformance gate first (results of an unchecked implementation)', default: 'off' },
      'dry-run': { type: 'boolean', description: 'print the resolved plan of every cell and send no traffic', default: 'off' },
      json,
      out: { type: 'string', value: '<file>', description: 'result file (one cell only)', default: 'results/raw/<impl>/<scenario>.json' },
      nx: {
        type: 'boolean',
        description: 'running as an Nx pair task: no live progress line; of the LAB_* variables only LAB_PROFILE and LAB_PRESET (hashed by the task) apply',
        default: 'off',
      },
    },
    maxPositionals: 0,
    examples: [
      'lab bench --impl all --scenario basic --preset suite',
      'lab bench --impl typescript-node-http --scenario 01-lightweight',
      'lab bench --impl typescript-node-http,typescript-express --scenario 02-json-payload --quick',
      'lab bench --impl typescript-node-http,typescript-express --scenario 01-lightweight --interleave',
      'lab bench --impl typescript-express --scenario 03-db-read --twin --runs 10 --duration 5s --precision 0.1%',
      'lab bench --impl go-fiber --scenario 01-lightweight --driver loadgen --runs 5..15 --precision 1%',
      'lab bench --impl typescript-node-http --scenario 11-db-n-plus-one --dry-run --json',
    ],
  },
  {
    name: 'publish',
    summary: 'measure every selected cell not yet published for this host class and these inputs, publish each result, regenerate the report',
    usage:
      'lab publish [--impl <id...|all>] [--scenario <id...|category|all>] [--preset <name>] [--profile <name>] [--remeasure <verdict...|none>] [--dry-run] [--skip-report] [--json]',
    details:
      'For every implementation × scenario selected (default: all × all), computes the Nx task hash of its pair task (bench-<impl>--<scenario>:bench, with LAB_PRESET and LAB_PROFILE as given) and skips the cell when the folder of this host class, results/published/<host-class> (e.g. amd-epyc-x2), already holds a result of that cell recorded under that hash: the same inputs were measured (unless its verdict is one of --remeasure: by default a noisy cell, spoilt by background load, is measured again and replaced). The other cells are measured one at a time, exactly as the pair task would (lab bench --nx), and each finished result, whatever its verdict, is written to results/published/<host-class>/<impl>/<scenario>[--<profile>].json at once; Ctrl-C loses at most the cell in progress and a rerun resumes with the next. A cell that fails without a result (build, gate) is reported and the others still run. Refuses (exit 2) when that folder holds results of another host class. Each host class gets its own report page (docs/publishing.md). Prints cell i of N with an ETA from the cells measured so far, and at the end the time per phase (database clone, server start, gate, quiet-machine wait, warm-up, …) against the measured load time as a ratio; then regenerates docs/benchmark-results.md, learnings/DISCOVERIES.md and the dashboard data from results/published. docs/publishing.md describes the protocol. Exit codes as lab bench.',
    flags: {
      impl: {
        type: 'string',
        value: '<id...>',
        multiple: true,
        description: 'implementations to publish (repeat or separate with commas); all = every implementation present',
        default: 'all',
      },
      scenario: {
        type: 'string',
        value: '<id...>',
        multiple: true,
        description: 'scenarios to publish: ids, category names (basic, caching, ...) or all',
        default: 'all',
      },
      preset: {
        type: 'string',
        value: '<name>',
        description: 'the measurement preset (LAB_PRESET of the pair task; see lab bench --help)',
        default: 'publish (5 runs × 10 s, 3 s warm-up)',
      },
      profile: { type: 'string', value: '<name>', description: 'resource profile (LAB_PROFILE of the pair task)', default: '$LAB_PROFILE, else by core count' },
      'dry-run': {
        type: 'boolean',
        description: 'list the cells it would measure and those it skips (with the published file), measure nothing',
        default: 'off',
      },
      remeasure: {
        type: 'string',
        value: '<verdict...>',
        multiple: true,
        description: 'published verdicts to measure again and replace (e.g. noisy,unstable), or none',
        default: 'noisy',
      },
      'skip-report': { type: 'boolean', description: 'do not regenerate the report afterwards', default: 'off' },
      json,
    },
    maxPositionals: 0,
    examples: [
      'lab publish --dry-run',
      'lab publish --scenario 01-lightweight --remeasure noisy,unstable',
      'lab publish --impl go-fiber,typescript-fastify --scenario basic',
      'lab publish --scenario 01-lightweight --preset quick --skip-report',
    ],
  },
  {
    name: 'calibrate',
    summary: "measure each load generator's ceiling on this host and profile against a built-in minimal server",
    usage: 'lab calibrate [--profile <name>] [--duration <d>] [--driver native|wrk|loadgen|all] [--quiet-timeout <d>] [--json]',
    details:
      'Starts a minimal node:http server (a 17-byte JSON body with Content-Length) in the server role and drives it from the generator role: the native driver, wrk and loadgen (the lab\'s Go generator, GOMAXPROCS=1), each with 10 and 50 connections (wrk is skipped with a note when missing, loadgen when it cannot be built). The native driver runs each setting twice: bare (GET /health, nothing read) and with checks (01-lightweight\'s check, status is 200), since it is the only driver that runs iteration code during the load. Records req/s, generator and server CPU (cores), p50/p99 and background CPU per setting, and per driver and workload the ceiling: the best rate at which the generator used ≥ 85 % of its core, or "not reached" when the server saturated first; lab bench uses the bare ceiling. Saves ${LAB_CACHE_DIR:-~/.cache/backend-benchmark-lab}/calibration-<host hash>.json; lab bench then marks a cell generator-bound when its rate is ≥ 90 % of the ceiling of its driver and profile. Exit 0 ok, 2 bad flag or profile, 3 setup failure, 130 interrupted.',
    flags: {
      profile: { type: 'string', value: '<name>', description: 'resource profile (default-2core, none, ...)', default: 'by core count' },
      duration: { type: 'string', value: '<d>', description: 'measured length of each setting: 5s, 500ms, 1m', default: '5s' },
      driver: { type: 'string', value: '<native|wrk|loadgen|all>', description: 'which driver(s) to calibrate', default: 'all' },
      'quiet-timeout': {
        type: 'string',
        value: '<d>',
        description: 'before each setting, wait up to this long for a quiet machine (≤ 0.12 cores busy); 0 = no wait',
        default: '10s',
      },
      json,
    },
    maxPositionals: 0,
    examples: ['lab calibrate', 'lab calibrate --driver loadgen --duration 10s', 'lab calibrate --json | jq ".calibration.ceilings"'],
  },
  {
    name: 'report',
    summary: 'write the markdown report (and the findings) from result files',
    usage:
      'lab report [--scope workspace|scenario:<id>|impl:<id>] [--results <dir>]... [--out <file>] [--discoveries <file>] [--readme <file>] [--scenarios-json <file>] [--json]',
    details:
      'Reads result files (the newest per cell wins; unusable files are warnings), ranks the cells measured the same way and writes markdown with libs/report; for the workspace scope also the findings, learnings/DISCOVERIES.md, and the headline table between the <!-- benchmark-headline:start/end --> markers of README.md. No result files give a "no results yet" page, not an error. Paths on the command line are taken from the current directory (absolute ones as given); the defaults are in the workspace. The workspace report reads results/published only, so it gives the same bytes on every clone; the report of a scenario or an implementation also reads the results/raw of this machine. The Nx targets reports:report (the committed report, never measuring), <impl>:report and scenario-<id>:report (which first run the bench tasks of their cells) run this. With --json, stdout is {written, warnings, cells}. Exit 0 written, 2 a bad scope or flag.',
    flags: {
      scope: { type: 'string', value: '<scope>', description: 'what to report: workspace, scenario:<id> or impl:<id>', default: 'workspace' },
      results: {
        type: 'string',
        value: '<dir>',
        multiple: true,
        description: 'a results root, read recursively (repeat the flag or separate with commas)',
        default: 'results/published (workspace: what is committed); a scenario or an implementation also reads results/raw',
      },
      out: {
        type: 'string',
        value: '<file>',
        description: 'the markdown file',
        default: 'docs/benchmark-results.md (workspace), else dist/reports/<scenario|impl>-<id>.md',
      },
      discoveries: { type: 'string', value: '<file>', description: 'the findings file (workspace scope only)', default: 'learnings/DISCOVERIES.md' },
      readme: {
        type: 'string',
        value: '<file>',
        description: 'the file whose benchmark-headline markers get the headline table (workspace scope only)',
        default: 'README.md, unless --out is given',
      },
      'scenarios-json': {
        type: 'string',
        value: '<file>',
        description: 'a scenario catalogue as JSON ([{id, title, category, hypotheses}]) instead of importing scenarios/*/scenario.ts',
      },
      json,
    },
    maxPositionals: 0,
    examples: [
      'lab report',
      'lab report --scope scenario:09-db-pagination --out /tmp/09.md',
      'lab report --results libs/report/fixtures/results --out tmp/report.md --discoveries tmp/discoveries.md',
    ],
  },
  {
    name: 'docs',
    summary: 'rewrite the generated docs tables (README scenarios, docs/implementations.md) and check the README rows',
    usage: 'lab docs [--check] [--json]',
    details:
      "Generates the README's scenarios table from scenarios/*/scenario.ts and docs/implementations.md's tables from implementations/*/lab.json and the gate's committed facts (docs/data/implementation-facts.json, refreshed by lab verify --all --write-facts), each between its generated-section markers; checks that the README's implementations table has one row per implementation and none for a missing one. Starts nothing. With --check nothing is written and a stale section is a problem. Exit 0 when everything is up to date (or was rewritten), 1 when a problem is left.",
    flags: {
      check: { type: 'boolean', description: 'write nothing; report stale sections as problems', default: 'off' },
      json,
    },
    maxPositionals: 0,
    examples: ['lab docs', 'lab docs --check'],
  },
  {
    name: 'warmup',
    summary: "how long each cell's runs took to reach a steady rate, from the per-second timelines of its result files",
    usage: 'lab warmup [<result file or dir>...] [--band <p>] [--json]',
    details:
      "Reads result files (a directory is searched 3 levels deep; default results/raw) and, for every run with a per-second timeline, finds the second from which its rate (after a 3-second moving median) never again falls below its final level minus a band (settling time, one-sided: warm-up is a slow start, so a later rise or a dip within the run's noise does not count). The final level is the median of the run's second half; the band is max(--band, 3 × the run's per-second scatter), the scatter a robust standard deviation from the run's successive differences (MAD × 1.4826 / √2), so a server whose rate scatters 1–5 % from second to second is not called unsteady. A run is 'not steady' when its second half drifts by more than its band (after the moving median, the median of the run's last quarter and that of the quarter before it differ by more) or it ends below the band, and 'too short' under 8 seconds. Each run's band is printed beside its final rate. A cell's figure is its slowest run, since every run starts a cold server. The seconds count from the start of the measured window, that is after the plan's discarded warm-up: measure with LAB_WARMUP_MS=0 to see the whole warm-up (docs/publishing.md). Cells without timelines (older files, wrk) are listed as such. Exit 0, 2 bad flag, 3 no result file found.",
    flags: {
      band: {
        type: 'string',
        value: '<p>',
        description: "the band's floor below each run's final level, widened to 3 × the run's per-second scatter when that is larger: 2% or 0.02",
        default: '2%',
      },
      json,
    },
    maxPositionals: 100,
    examples: [
      'LAB_WARMUP_MS=0 lab bench --impl typescript-node-http --scenario 01-lightweight --runs 3 --duration 30s --out tmp/warmup/node.json && lab warmup tmp/warmup',
      'lab warmup results/published --band 5% --json | jq ".cells[] | {cell, settledAtSecond}"',
    ],
  },
  {
    name: 'precision',
    summary: 'how precise each cell would be with runs of each length and count, from the per-second timelines of its result files',
    usage: 'lab precision [<result file or dir>...] [--lengths <s,...>] [--targets <p,...>] [--json]',
    details:
      "The study behind a preset's runs × run length (docs/precision.md). Reads result files (a directory is searched 3 levels deep; default results/raw), best measured with many long runs (lab bench --runs 12 --duration 20s --precision 0.1%), and for each cell and run length L takes every run's rate over the first L seconds of its per-second timeline, which is what a run of length L after the same warm-up would measure. It prints the run-to-run spread (CV: the standard deviation of the log rates), the steady drift from one run to the next, the 95 % interval n such runs would give (Student's t on log rates, exp(t · CV / √n) − 1, as every cell's interval), and the fewest runs that reach each target with their cost per cell (runs × (length + the measured overhead between runs)); then the median cell per length. Lengths longer than a run's timeline are left out; cells without timelines (older files, wrk) are listed as such. Exit 0, 2 bad flag, 3 no result file found.",
    flags: {
      lengths: { type: 'string', value: '<s,...>', description: 'run lengths to compare, whole seconds', default: '5,10,20', multiple: true },
      targets: { type: 'string', value: '<p,...>', description: 'precision targets to find the run count for: 2% or 0.02', default: '2%,5%', multiple: true },
      json,
    },
    maxPositionals: 100,
    examples: [
      'lab bench --preset publish --impl typescript-express --scenario 03-db-read --runs 12 --duration 20s --precision 0.1% --out tmp/study/express-03.json && lab precision tmp/study',
      'lab precision results/published --lengths 5,10 --targets 5%',
    ],
  },
];

/** The spec of a command name, if it is one. */
export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
