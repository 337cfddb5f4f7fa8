/**
 * The experiment definition's schema and point expansion (`experiment.cjs`, CommonJS beside this
 * file so that the Nx plugin can `require` it), for TypeScript: `experimentSchema.parseExperiment`,
 * `expandPoints`, `pointBenchFlags`, `formatProblems`.
 */
import experimentSchema from './experiment.cjs';

export { experimentSchema };
