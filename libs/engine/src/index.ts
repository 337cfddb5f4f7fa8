export {
  defineScenario,
  type ClosedLoad,
  type Extras,
  type Hypothesis,
  type IterationContext,
  type LoadSpec,
  type OpenLoad,
  type OpenStage,
  type OpenStagesLoad,
  type RecordOptions,
  type TeardownContext,
  type TeardownResult,
  type Scenario,
  type ScenarioCategory,
  type ScenarioSpec,
  type SetupContext,
  type SweepLoad,
  type Vu,
  type WrkRequest,
} from './define-scenario';
export { plannedDurationMs } from './load/load-spec';
export { stagedSchedule, type ArrivalSchedule } from './load/open';
export { groupDuration, trendKey, unitFromName, TREND_SCALE, type TrendSummary, type TrendUnit } from './metrics/trend';
export type { LeakCriteria, ObserveSpec } from './observe/observe-spec';
export { assessMemoryTrend, theilSenSlope, DEFAULT_LEAK_CRITERIA, type MemorySample, type MemoryTrend, type MemoryVerdict } from './observe/memory-trend';
export { runScenario, normalizeLoad, type RunOptions } from './run-scenario';
export { evaluateThresholds, type ThresholdOutcome } from './evaluate-thresholds';
export { evaluateHypotheses, type HypothesisOutcome } from './evaluate-hypotheses';
export { parseThreshold, type Threshold, type ThresholdSpec } from './threshold';
export { createRandom, type Random } from './random';
export { multipart, MultipartBody, type MultipartFile } from './http/multipart';
export type { HttpClient, HttpResponse, RequestBody, RequestOptions } from './http/http-client';
export type { Progress } from './drivers/native';
export { generateWrkScript, weightedRotation } from './drivers/wrk-lua';
export { mapWrkSummary, type WrkSummary, DEFAULT_WRK_PATH } from './drivers/wrk';
export {
  buildLoadgenPlan,
  ensureLoadgen,
  mapLoadgenOutput,
  DEFAULT_LOADGEN_PATH,
  LOADGEN_DIR,
  LOADGEN_MAX_CONNECTIONS,
  type LoadgenOutput,
  type LoadgenPlan,
} from './drivers/loadgen';
export { chooseDriver, staticDriverChoice, type DriverChoice } from './drivers/driver-choice';
export { mergeBuckets, mergeKeyedBuckets } from './metrics/merge-buckets';
export {
  REPORTED_PERCENTILES,
  type CheckCount,
  type DriverName,
  type DriverResult,
  type ErrorCounts,
  type ErrorKind,
  type HistogramSource,
  type LatencySummary,
  type MetricBucket,
  type SweepResult,
  type SweepStep,
  type TimelinePoint,
} from './drivers/driver-result';
export { EngineError, engineErrorCodes, type EngineErrorCode } from './errors';
