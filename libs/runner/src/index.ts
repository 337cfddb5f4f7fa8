export { planCell, sweepMaxInFlight, type CellPlan, type PlanInput } from './plan-cell';
export {
  BENCH_DEFAULTS,
  ENV_VARIABLES,
  PRESET_DEFAULTS,
  PRESETS,
  optionsFromEnv,
  parseRuns,
  type BenchOptions,
  type SweepOption,
  type Driver,
  type Origin,
  type Preset,
  type PresetDefaults,
  type ValidityLimits,
} from './bench-options';
export { describePlan, cellName } from './describe-plan';
export { runCell, type RunCellOptions } from './run-cell';
export {
  implEnv,
  launchEnv,
  readinessTimeoutMs,
  startImpl,
  JWT_SECRET,
  type ImplToStart,
  type RunningServer,
  type ServiceUrls,
  type StartImplOptions,
} from './start-impl';
export { openCell, type CellSession, type OpenCellOptions } from './cell-session';
export { runInterleaved, type InterleavedEvent, type RunInterleavedOptions } from './run-interleaved';
export type { CellEvent, CellEventHandler, CellPhase } from './events';
export { judgeValidity, withinOneStep, type RunFigures, type Validity, type ValidityInput, type Verdict } from './judge-validity';
export { acquireBenchLock, defaultLockPath, type BenchLock, type BenchLockOptions } from './bench-lock';
export { buildResult, loadModel, RESULT_ROLES, type ResultInput } from './build-result';
export { mergeDriverResults } from './merge-driver-results';
export { collectProvenance, gitState, hostFingerprint, versionOf, type ProvenanceInput } from './provenance';
export { loadScenario } from './load-scenario';
export { RunnerError, isRunnerError, runnerErrorCodes, type RunnerErrorCode } from './errors';
export {
  CALIBRATION_VERSION,
  CEILING_LIMITS,
  calibrationPath,
  ceilingFor,
  deriveCeilings,
  hostHash,
  loadCalibration,
  saveCalibration,
  withProfile,
  workloadOf,
  type CalibrationFile,
  type CalibrationMeasurement,
  type CalibrationWorkload,
  type CeilingLimits,
  type CeilingStatus,
  type DriverCeiling,
  type ProfileCalibration,
} from './calibration';
export { runCalibration, CALIBRATION_CONNECTIONS, CALIBRATION_SERVER_JS, type CalibrationEvent, type CalibrationOptions } from './run-calibration';
export { startRoleSampling, type RoleSampling, type RoleSource, type RolesSample, type RoleReading } from './sample-roles';
export { toRunTimeline } from './run-timeline';
