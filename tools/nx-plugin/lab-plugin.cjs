// @ts-check
/**
 * The lab's Nx plugin: infers one project per implementation (`implementations/<id>/lab.json`)
 * and one per scenario (`scenarios/<NN-slug>/scenario.ts`), so adding either never edits a
 * central list. Registered in nx.json (frozen): change targets here, never there.
 *
 * Everything a target runs is in its own configuration, so a change to one implementation's
 * manifest only changes that project's task hashes (docs/background.md, "Nx: one cached task per cell").
 */
const { readFileSync } = require('node:fs');
const { availableParallelism } = require('node:os');
const { join } = require('node:path');
const { parseManifest, formatProblems, folderProblem } = require('../../libs/manifest/src/manifest.cjs');
const { parseExperiment } = require('../../libs/manifest/src/experiment.cjs');
const { HASHED_LAB_ENV } = require('../../libs/manifest/src/bench-task.cjs');
const { resultFile } = require('../../libs/manifest/src/result-file.cjs');
const { createExperimentProjects } = require('./experiment-projects.cjs');

/** @typedef {import('@nx/devkit').TargetConfiguration} TargetConfiguration */
/** @typedef {Omit<import('@nx/devkit').ProjectConfiguration, 'root'>} InferredProject */
/** @typedef {import('../../libs/manifest/src/manifest.cjs').ImplManifest} ImplManifest */
/** @typedef {{ id: string, root: string, manifest: ImplManifest }} Impl */
/** @typedef {{ id: string, root: string }} Scenario */

/** One glob for every kind of file, so the callback sees every scenario and experiment next to every implementation. */
const LAB_GLOB = '{implementations/*/lab.json,scenarios/*/scenario.ts,experiments/*/experiment.json}';
const IMPL_FILE = /^implementations\/([^/]+)\/lab\.json$/;
const SCENARIO_FILE = /^scenarios\/([^/]+)\/scenario\.ts$/;
const EXPERIMENT_FILE = /^experiments\/([^/]+)\/experiment\.json$/;

/** How targets call the lab CLI: from the workspace root, through tsx. */
const LAB_CLI = 'node --import tsx apps/lab/src/main.ts';

/** The implementation a scenario's `up` starts unless `--impl` names another. */
const DEFAULT_UP_IMPL = 'typescript-node-http';

/** Requests of the fuzz stage in every implementation's `test` target (fixed seed; `lab verify --fuzz` defaults to more). */
const TEST_FUZZ_BUDGET = 400;

/** Sources a live conformance check depends on: the contract, the gate, the services and the CLI that starts the server (tests left out). */
const CONFORMANCE_INPUTS = [
  '{workspaceRoot}/libs/contract/**/*',
  '{workspaceRoot}/libs/manifest/src/**/*',
  '{workspaceRoot}/apps/lab/src/**/*',
  '{workspaceRoot}/libs/conformance/src/**/*',
  '{workspaceRoot}/libs/fuzz/src/**/*',
  '{workspaceRoot}/libs/infra/src/**/*',
  '!{workspaceRoot}/libs/*/src/**/*.spec.ts',
  '!{workspaceRoot}/apps/lab/src/**/*.spec.ts',
];

/**
 * Workspace files an implementation's own tests read, by language: the Python implementations
 * lint and format-check with the root ruff.toml, so an edit to it reruns their tests.
 * @type {Partial<Record<ImplManifest['language'], string[]>>}
 */
const LANGUAGE_TEST_INPUTS = { python: ['{workspaceRoot}/ruff.toml'] };

/**
 * Nx 23 batch signature `(files, options, context) => [file, result][]`. An invalid manifest
 * fails only its own file: the other projects are still returned, and Nx prints each problem.
 * @type {import('@nx/devkit').CreateNodesV2}
 */
const createNodesV2 = [
  LAB_GLOB,
  (files, _options, context) => {
    /** @type {Array<[string, { projects: Record<string, InferredProject> }]>} */
    const results = [];
    /** @type {Array<[string, Error]>} */
    const errors = [];
    /** @type {Impl[]} */
    const impls = [];
    /** @type {Scenario[]} */
    const scenarios = [];
    /** @type {string[]} */
    const experimentFiles = [];
    for (const file of [...files].sort()) {
      const impl = file.match(IMPL_FILE);
      const scenario = file.match(SCENARIO_FILE);
      try {
        if (impl?.[1]) impls.push(readImpl(impl[1], file, context.workspaceRoot));
        else if (scenario?.[1]) scenarios.push(readScenario(scenario[1], file));
        else if (EXPERIMENT_FILE.test(file)) experimentFiles.push(file);
      } catch (e) {
        errors.push([file, /** @type {Error} */ (e)]);
      }
    }
    for (const file of experimentFiles) {
      try {
        results.push([file, { projects: readExperimentProjects(file, context.workspaceRoot, impls, scenarios) }]);
      } catch (e) {
        errors.push([file, /** @type {Error} */ (e)]);
      }
    }
    for (const impl of impls) {
      const projects = { [impl.root]: createImplProject(impl), ...createPairProjects(impl, scenarios) };
      results.push([`${impl.root}/lab.json`, { projects }]);
    }
    for (const s of scenarios) results.push([`${s.root}/scenario.ts`, { projects: { [s.root]: createScenarioProject(s) } }]);
    if (errors.length > 0) throw aggregateError(errors, results);
    return results;
  },
];

/**
 * Reads and validates one manifest; throws a stack-less error listing every problem.
 * @param {string} id folder name
 * @param {string} file path relative to the workspace root
 * @param {string} workspaceRoot
 * @returns {Impl}
 */
function readImpl(id, file, workspaceRoot) {
  const badName = folderProblem('implementation', id, file);
  if (badName) throw problemError(formatProblems(file, [badName]));
  const parsed = parseManifest(readFileSync(join(workspaceRoot, file), 'utf8'), file);
  if (!parsed.ok) throw problemError(formatProblems(file, parsed.problems));
  return { id, root: `implementations/${id}`, manifest: parsed.manifest };
}

/**
 * Validates one experiment definition against the implementations and scenarios present and
 * infers its projects; throws a stack-less error listing every problem.
 * @param {string} file `experiments/<id>/experiment.json`
 * @param {string} workspaceRoot
 * @param {readonly Impl[]} impls
 * @param {readonly Scenario[]} scenarios
 */
function readExperimentProjects(file, workspaceRoot, impls, scenarios) {
  const facts = { implementations: Object.fromEntries(impls.map((i) => [i.id, i.manifest.variants.map((v) => v.id)])), scenarios: scenarios.map((s) => s.id) };
  const outputs = new Map(impls.map((i) => [i.id, i.manifest.build.outputs]));
  const parsed = parseExperiment(readFileSync(join(workspaceRoot, file), 'utf8'), file, facts);
  if (!parsed.ok) throw problemError(formatProblems(file, parsed.problems));
  const root = file.slice(0, -'/experiment.json'.length);
  if (parsed.definition.id !== root.split('/')[1]) {
    throw problemError(
      formatProblems(file, [{ file, path: 'id', message: `"${parsed.definition.id}" is not the folder name`, hint: `set "id": "${root.split('/')[1]}"` }]),
    );
  }
  const cellTarget = (/** @type {Parameters<import('./experiment-projects.cjs').CellTarget>[0]} */ cell) => cellBenchTarget(cell, outputs.get(cell.impl) ?? []);
  return createExperimentProjects(parsed.definition, root, { cores: availableParallelism(), cellTarget });
}

/**
 * @param {string} folder `NN-slug`
 * @param {string} file
 * @returns {Scenario}
 */
function readScenario(folder, file) {
  const badName = folderProblem('scenario', folder, file);
  if (badName) throw problemError(formatProblems(file, [badName]));
  return { id: folder, root: `scenarios/${folder}` };
}

/**
 * The implementation's project: build, up (development only), test and verify.
 * @param {Impl} impl
 * @returns {InferredProject}
 */
function createImplProject({ id, root, manifest }) {
  const { language } = manifest;
  const outputs = manifest.build.outputs;
  const toolchain = { runtime: manifest.toolchain.versionCommand };
  return {
    name: id,
    projectType: 'application',
    tags: ['type:impl', `lang:${language}`],
    metadata: { description: manifest.description, technologies: [language] },
    targets: {
      build: {
        executor: 'nx:run-commands',
        options: { command: manifest.build.command, cwd: root },
        cache: manifest.build.cache,
        inputs: ['{projectRoot}/**/*', ...outputs.map((o) => `!{projectRoot}/${o}/**/*`), toolchain, { externalDependencies: [] }],
        outputs: outputs.map((o) => `{projectRoot}/${o}`),
        metadata: { description: `Install dependencies and build: \`${manifest.build.command}\` in ${root}.` },
      },
      up: {
        executor: 'nx:run-commands',
        options: { command: `${LAB_CLI} up ${id}` },
        continuous: true,
        dependsOn: ['build'],
        metadata: { description: 'Start PostgreSQL, Redis, the upstream stub and this server until Ctrl-C (development only).' },
      },
      test: {
        executor: 'nx:run-commands',
        options: {
          commands: [
            { command: `cd ${root} && ${manifest.test.command}`, forwardAllArgs: false },
            // Conformance, then a bounded fuzz stage (fixed seed): no input may get a 5xx, a hang or an undocumented answer.
            { command: `${LAB_CLI} verify ${id} --fuzz --fuzz-budget ${TEST_FUZZ_BUDGET}`, forwardAllArgs: true },
          ],
          parallel: false,
        },
        cache: true,
        dependsOn: ['build'],
        inputs: [
          '{projectRoot}/**/*',
          ...outputs.map((o) => `!{projectRoot}/${o}/**/*`),
          ...CONFORMANCE_INPUTS,
          ...(LANGUAGE_TEST_INPUTS[language] ?? []),
          toolchain,
          { externalDependencies: [] },
        ],
        metadata: {
          description: `Own unit tests (\`${manifest.test.command}\`), then conformance and a ${TEST_FUZZ_BUDGET}-request fuzz stage against a live instance.`,
        },
      },
      verify: {
        executor: 'nx:run-commands',
        options: { command: `${LAB_CLI} verify ${id}` },
        cache: false,
        dependsOn: ['build'],
        metadata: { description: 'Conformance only: start the stack and this server, check it against the contract.' },
      },
      bench: benchAllTarget(`impl:${id}`),
      report: reportTarget(`impl:${id}`, `dist/reports/impl-${id}.md`),
    },
  };
}

/**
 * A scenario's project: `build` validates it and writes its plan, `up` serves it by hand, `bench`
 * runs its pair projects, `report` reports them.
 *
 * `nx affected` marks a project touched when a file under its root changes, or when a file
 * matches a `{workspaceRoot}/…` input of any of its targets, and then marks everything that
 * depends on it in the project graph. Libraries are touched by their own targets' inputs (the
 * engine's tests read every scenario file), so a graph edge scenario → library would make one
 * scenario edit select every scenario's `bench`, and with it every cell. Scenario projects
 * therefore drop the edges their `import '@lab/engine'` creates (`!tag:type:lib`); what their
 * tasks read from the libraries is named in their inputs instead.
 * @param {Scenario} scenario
 * @returns {InferredProject}
 */
function createScenarioProject({ id, root }) {
  const plan = `dist/scenarios/${id}/plan.json`;
  return {
    name: `scenario-${id}`,
    projectType: 'library',
    tags: ['type:scenario'],
    implicitDependencies: ['!tag:type:lib'],
    metadata: { description: `Scenario ${id} (${root}/scenario.ts); its bench cells are pair projects.` },
    targets: {
      build: {
        executor: 'nx:run-commands',
        options: { command: `${LAB_CLI} scenario build ${id} --out ${plan}` },
        cache: true,
        inputs: SCENARIO_BUILD_INPUTS,
        outputs: [`{workspaceRoot}/${plan}`],
        metadata: {
          description: `Validate the scenario as lab bench loads it and write its plan (load, endpoints, checks, thresholds, hypotheses) to ${plan}; starts nothing.`,
        },
      },
      up: {
        executor: 'nx:run-commands',
        // `{args.impl}` is the `impl` option, overridable with --impl=<id>. NX_TASK_TARGET_PROJECT is
        // unset so that lab builds the chosen implementation itself, as when run from a shell.
        options: { command: `env -u NX_TASK_TARGET_PROJECT ${LAB_CLI} up {args.impl}`, impl: DEFAULT_UP_IMPL },
        continuous: true,
        cache: false,
        metadata: {
          description: `Start PostgreSQL, Redis, the upstream stub and one implementation (--impl=<id>, default ${DEFAULT_UP_IMPL}) until Ctrl-C, to author and debug this scenario by hand (development only).`,
        },
      },
      bench: benchAllTarget(`scenario:${id}`),
      report: reportTarget(`scenario:${id}`, `dist/reports/scenario-${id}.md`),
    },
  };
}

/**
 * What a result depends on besides the implementation and the scenario: the measuring libraries,
 * the Go load generator, the statistics, the conformance gate, and the contract with its schema
 * and seed (report code and tests left out: editing them never re-measures).
 */
const BENCH_LIB_INPUTS = [
  ...['engine', 'runner', 'infra', 'isolation', 'results', 'stats', 'conformance', 'contract'].map((lib) => `{workspaceRoot}/libs/${lib}/src/**/*`),
  '{workspaceRoot}/libs/contract/sql/**/*',
  // The Go load generator the `loadgen` driver runs (its sources and module files, not its binary).
  '{workspaceRoot}/tools/loadgen/**/*.go',
  '{workspaceRoot}/tools/loadgen/go.mod',
  '{workspaceRoot}/tools/loadgen/go.sum',
  '!{workspaceRoot}/tools/loadgen/**/*_test.go',
  '!{workspaceRoot}/libs/*/src/**/*.spec.ts',
];

/**
 * What a scenario's plan depends on: the scenario folder, the libraries that load and validate it
 * (engine, runner, contract: all among every cell's inputs, so a change there selects every cell
 * anyway) and the lab CLI that writes the plan (whose files already touch every implementation
 * project through its conformance inputs). No npm package version changes what the plan says, so
 * the lockfile is left out, as for the cells.
 */
const SCENARIO_BUILD_INPUTS = [
  '{projectRoot}/**/*',
  ...['engine', 'runner', 'contract'].map((lib) => `{workspaceRoot}/libs/${lib}/src/**/*`),
  '{workspaceRoot}/apps/lab/src/**/*',
  '!{workspaceRoot}/libs/*/src/**/*.spec.ts',
  '!{workspaceRoot}/apps/lab/src/**/*.spec.ts',
  { externalDependencies: [] },
];

/** What every report depends on besides the result files of the cells it reports. */
const REPORT_INPUTS = [
  { dependentTasksOutputFiles: '**/*.json' },
  '{workspaceRoot}/results/published/**/*',
  '{workspaceRoot}/apps/lab/src/report/**/*',
  '!{workspaceRoot}/apps/lab/src/report/**/*.spec.ts',
  '{workspaceRoot}/apps/lab/src/commands/report.ts',
  ...['report', 'results', 'stats'].map((lib) => `{workspaceRoot}/libs/${lib}/src/**/*`),
  '!{workspaceRoot}/libs/*/src/**/*.spec.ts',
  // No scenario files here: a `{workspaceRoot}` input marks every project that declares it as
  // affected, and `nx affected -t bench` must select only the edited scenario's cells. A scenario
  // edit re-measures its cells anyway, which changes the result files this report reads.
  { externalDependencies: ['markdown-table', 'hdr-histogram-js', 'zod'] },
];

/**
 * A `report` target over the cells tagged `tag` (an implementation across scenarios, or a
 * scenario across implementations). It depends on those cells' bench tasks, so it reruns exactly
 * when one of their result files changes and is a cache hit otherwise.
 * @param {string} tag e.g. `scenario:09-db-pagination`
 * @param {string} out the markdown file, relative to the workspace root
 * @returns {TargetConfiguration}
 */
function reportTarget(tag, out) {
  const [kind, id] = tag.split(':');
  return {
    executor: 'nx:run-commands',
    options: { command: `${LAB_CLI} report --scope ${kind}:${id} --out ${out}` },
    cache: true,
    dependsOn: [{ projects: [`tag:${tag}`], target: 'bench' }],
    inputs: REPORT_INPUTS,
    outputs: [`{workspaceRoot}/${out}`],
    metadata: { description: `Markdown report of the cells tagged ${tag} (from their result files only), written to ${out}.` },
  };
}

/** Where pair tasks write their results (relative to the workspace root; git ignores it). */
const RAW_RESULTS = 'results/raw';

/** The host fingerprint (CPU model, cores, memory, kernel, node, LAB_MACHINE_ID, LAB_PROFILE): results from another machine are never replayed. */
const FINGERPRINT = { runtime: 'node tools/bench/fingerprint.mjs' };

/**
 * One project per (implementation × scenario), `bench-<impl>--<scenario>` at the virtual root
 * `bench/<impl>/<scenario>`, with ONE cached `bench` task (docs/background.md): its hash
 * covers only that implementation, that scenario, the measuring libraries and the host
 * fingerprint, so editing one scenario re-measures exactly its cells. Bench tasks never run in
 * parallel with anything (`parallelism: false`).
 * @param {Impl} impl
 * @param {readonly Scenario[]} scenarios
 * @returns {Record<string, InferredProject>}
 */
function createPairProjects(impl, scenarios) {
  /** @type {Record<string, InferredProject>} */
  const projects = {};
  for (const s of scenarios) {
    const out = resultFile(RAW_RESULTS, { implementation: impl.id, scenario: s.id });
    projects[`bench/${impl.id}/${s.id}`] = {
      name: `bench-${impl.id}--${s.id}`,
      projectType: 'application',
      tags: ['type:pair', `impl:${impl.id}`, `scenario:${s.id}`],
      implicitDependencies: [impl.id, `scenario-${s.id}`],
      metadata: { description: `The cell ${impl.id} × ${s.id}: one cached measurement, written to ${out}.` },
      targets: {
        bench: cellBenchTarget({ impl: impl.id, scenario: s.id, out, flags: '', description: `Measure ${impl.id} × ${s.id}` }, impl.manifest.build.outputs),
      },
    };
  }
  return projects;
}

/**
 * One cached `lab bench --nx` task for one cell (`flags`: extra options such as a variant,
 * profile or load): its hash covers only that implementation (minus its build outputs), that
 * scenario, the measuring libraries, the host fingerprint and the command itself.
 * @param {Parameters<import('./experiment-projects.cjs').CellTarget>[0]} cell
 * @param {readonly string[]} buildOutputs the implementation's `build.outputs`, left out of the inputs
 * @returns {TargetConfiguration}
 */
function cellBenchTarget({ impl, scenario, out, flags, description }, buildOutputs) {
  const implRoot = `implementations/${impl}`;
  const notOutputs = buildOutputs.map((o) => `!{workspaceRoot}/${implRoot}/${o}/**/*`);
  return {
    executor: 'nx:run-commands',
    options: { command: `${LAB_CLI} bench --impl ${impl} --scenario ${scenario}${flags ? ` ${flags}` : ''} --out ${out} --nx` },
    cache: true,
    parallelism: false,
    // The scenario's build validates it in seconds, before the implementation's build and any service.
    dependsOn: [
      { projects: [`scenario-${scenario}`], target: 'build' },
      { projects: [impl], target: 'build' },
    ],
    inputs: [
      `{workspaceRoot}/${implRoot}/**/*`,
      ...notOutputs,
      `{workspaceRoot}/scenarios/${scenario}/**/*`,
      // Hypotheses judge results and never change a measurement: asking one must not re-measure.
      `!{workspaceRoot}/scenarios/${scenario}/hypotheses.json`,
      ...BENCH_LIB_INPUTS,
      FINGERPRINT,
      ...HASHED_LAB_ENV.map((env) => ({ env })),
      { externalDependencies: [] },
    ],
    outputs: [`{workspaceRoot}/${out}`],
    metadata: { description: `${description} (lab bench); cached per implementation, scenario, libraries and host.` },
  };
}

/**
 * A `bench` target that measures every cell of a project through the pair projects tagged
 * `tag` (a tag pattern, so adding a scenario never changes this project's configuration).
 * @param {string} tag e.g. `impl:go-fiber`
 * @returns {TargetConfiguration}
 */
function benchAllTarget(tag) {
  return {
    executor: 'nx:noop',
    dependsOn: [{ projects: [`tag:${tag}`], target: 'bench' }],
    metadata: { description: `Measure every cell tagged ${tag} (each a cached pair task).` },
  };
}

/**
 * An error whose "stack" is its message, so Nx prints the problems and no trace.
 * @param {string} message
 */
function problemError(message) {
  const error = new Error(message);
  error.stack = message;
  return error;
}

/**
 * Nx's own error type for "these files failed, here are the other results" (loaded only on failure).
 * @param {Array<[string, Error]>} errors
 * @param {Array<[string, { projects: Record<string, InferredProject> }]>} partialResults
 */
function aggregateError(errors, partialResults) {
  const { AggregateCreateNodesError } = require('@nx/devkit');
  return new AggregateCreateNodesError(errors, partialResults);
}

module.exports = { createNodesV2, createNodes: createNodesV2, LAB_GLOB, LAB_CLI, DEFAULT_UP_IMPL };
