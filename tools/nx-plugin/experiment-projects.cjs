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
/** The tag of the points of one round. */
const roundTag = (/** @type {string} */ id, /** @type {string} */ round) => `round:${id}:${round}`;

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
        bench: noopOver([experimentTag(id)], `Measure every point of ${id} (${points.length}, each a cached task).`),
        ...Object.fromEntries(
          definition.rounds.map((r) => [
            `bench-${r.id}`,
            noopOver([roundTag(id, r.id)], `Round ${r.id}: ${r.description} (${points.filter((p) => p.rounds.includes(r.id)).length} points).`),
          ]),
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
      name: `${id}--${p.id}`,
      projectType: 'application',
      tags: ['type:point', experimentTag(id), ...p.rounds.map((r) => roundTag(id, r)), `point-impl:${p.impl}`],
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
 * @param {string[]} tags
 * @param {string} description
 * @returns {TargetConfiguration}
 */
function noopOver(tags, description) {
  return { executor: 'nx:noop', dependsOn: tags.map((tag) => ({ projects: [`tag:${tag}`], target: 'bench' })), metadata: { description } };
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

module.exports = { createExperimentProjects, experimentTag, roundTag };
