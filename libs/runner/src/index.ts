export { planCell, loadDurationMs, type CellPlan, type PlanInput } from './plan-cell';
export {
  BENCH_DEFAULTS,
  ENV_VARIABLES,
  PRESET_DEFAULTS,
  optionsFromEnv,
  parseRuns,
  type BenchOptions,
  type Driver,
  type Origin,
  type Preset,
  type ValidityLimits,
} from './bench-options';
export { describePlan } from './describe-plan';
export { runCell, cellName, type RunCellOptions } from './run-cell';
export type { CellEvent, CellEventHandler, CellPhase } from './events';
export { judgeValidity, type RunFigures, type Validity, type ValidityInput, type Verdict } from './judge-validity';
export { acquireBenchLock, defaultLockPath, type BenchLock, type BenchLockOptions } from './bench-lock';
export { buildResult, loadModel, RESULT_ROLES, type ResultInput } from './build-result';
export { mergeDriverResults, mergeBuckets } from './merge-driver-results';
export { collectProvenance, gitState, hostFingerprint, versionOf, type ProvenanceInput } from './provenance';
export { loadScenario } from './load-scenario';
export { RunnerError, isRunnerError, runnerErrorCodes, type RunnerErrorCode } from './errors';
