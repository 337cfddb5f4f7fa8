// @ts-check
/**
 * The Nx projects of one experiment (`experiments/<id>/experiment.json`): the experiment's own
 * project (`bench`, `bench-<round>` per round, `report`) and one project per point with one
 * cached `bench` task, built like a pair cell's, so rerunning measures only the points whose
 * implementation, scenario, libraries, host or flags changed, and an interrupted run resumes
 * where it stopped (every finished point is a cache hit).
 */
const { expandPoints, pointBenchFlags } = require('../../libs/manifest/src/experiment.cjs');

/** @typedef {import('../../libs/manifest/src/experiment.cjs').ExperimentDefinition} ExperimentDefinition */
/** @typedef {import('../../libs/manifest/src/experiment.cjs').Point} Point */
/** @typedef {Omit<import('@nx/devkit').ProjectConfiguration, 'root'>} InferredProject */
/** @typedef {import('@nx/devkit').TargetConfiguration} TargetConfiguration */
/**
 * @typedef {(cell: { impl: string, scenario: string, out: string, flags: string, description: string }) => TargetConfiguration} CellTarget
 *   Builds a cached `lab bench` target for one cell (the plugin's own, shared with pair projects).
 */

/** The tag every point of experiment `id` carries (the experiment's `bench` depends on them). */
const experimentTag = (/** @type {string} */ id) => `experiment:${id}`;
/** The Nx project of one point of experiment `id`. */
const pointProject = (/** @type {string} */ id, /** @type {Point} */ p) => `${id}--${p.id}`;

/**
 * @param {ExperimentDefinition} definition
 * @param {string} root e.g. `experiments/server-config`
 * @param {{ cores: number, cellTarget: CellTarget }} ctx the host's cores (points whose budget needs more are skipped) and the cell target builder
 * @returns {Record<string, InferredProject>}
 */
function createExperimentProjects(definition, root, ctx) {
  const { id } = definition;
  const points = expandPoints(definition);
  /** @type {Record<string, InferredProject>} */
  const projects = {
    [root]: {
      name: id,
      projectType: 'application',
      tags: ['type:experiment'],
      implicitDependencies: ['!tag:type:lib'],
      metadata: { description: `${definition.title}: ${points.length} points in ${definition.rounds.length} rounds (${root}/experiment.json).` },
      targets: {
        bench: noopOver([`tag:${experimentTag(id)}`], `Measure every point of ${id} (${points.length}, each a cached task).`),
        // A round names its points rather than tagging them: Nx hashes a project's tags into its
        // tasks, so a point tagged by round would be measured again whenever a round is added,
        // renamed or regrouped, though nothing it measures changed.
        ...Object.fromEntries(
          definition.rounds.map((r) => {
            const members = points.filter((p) => p.rounds.includes(r.id));
            return [
              `bench-${r.id}`,
              noopOver(
                members.map((p) => pointProject(id, p)),
                `Round ${r.id}: ${r.description} (${members.length} points).`,
              ),
            ];
          }),
        ),
        publish: {
          executor: 'nx:run-commands',
          options: { command: `node --import tsx ${root}/src/main.ts publish` },
          cache: false,
          metadata: {
            description: `Copy the points measured here (results/raw/experiments/${id}) to results/published/<host-class>/experiments/${id}, to be committed.`,
          },
        },
        report: {
          executor: 'nx:run-commands',
          options: { command: `node --import tsx ${root}/src/main.ts report` },
          // Cheap, and `--results` may name a folder git ignores (results/raw), which Nx cannot hash: never cached.
          cache: false,
          metadata: {
            description: `Judge the hypotheses and write docs/deployment-guide.md (the host class with the most points), docs/deployment-guides/<host-class>.md (every other) and dist/experiments/${id}/summary.json from the published result files (--results <dir> for others).`,
          },
        },
      },
    },
  };
  for (const p of points) {
    const out = `results/raw/experiments/${id}/${p.id}.json`;
    const skip = ctx.cores < p.minCores;
    projects[`${root}/points/${p.id}`] = {
      name: pointProject(id, p),
      projectType: 'application',
      tags: ['type:point', experimentTag(id), `point-impl:${p.impl}`],
      implicitDependencies: [p.impl, `scenario-${p.scenario}`],
      metadata: {
        description: `${id} point: ${p.impl} (${p.model.label}) × ${p.scenario} × ${p.cpus} CPU × ${'vus' in p.load ? `${p.load.vus} VUs` : 'capacity sweep'}.`,
      },
      targets: {
        bench: skip
          ? skippedTarget(
              `${id} point ${p.id} skipped: the ${p.cpus}-CPU budget (profile ${p.profile}) needs ${p.minCores} cores and this host has ${ctx.cores}.`,
            )
          : ctx.cellTarget({ impl: p.impl, scenario: p.scenario, out, flags: pointBenchFlags(definition, p), description: `Measure the ${id} point ${p.id}` }),
      },
    };
  }
  return projects;
}

/**
 * A target that runs the `bench` tasks of `projects` (names, or `tag:<tag>` patterns) and nothing else.
 * @param {string[]} projects
 * @param {string} description
 * @returns {TargetConfiguration}
 */
function noopOver(projects, description) {
  return { executor: 'nx:noop', dependsOn: [{ projects, target: 'bench' }], metadata: { description } };
}

/**
 * A point this host cannot measure: says so on stderr and succeeds, never cached (on a host with
 * enough cores the plugin infers the real measurement instead).
 * @param {string} message
 * @returns {TargetConfiguration}
 */
function skippedTarget(message) {
  return {
    executor: 'nx:run-commands',
    options: { command: `node -e ${JSON.stringify(`process.stderr.write(${JSON.stringify(`${message}\n`)})`)}` },
    cache: false,
    // A point's root is virtual: without inputs Nx would hash a folder that does not exist.
    inputs: [],
    metadata: { description: message },
  };
}

module.exports = { createExperimentProjects, experimentTag };
