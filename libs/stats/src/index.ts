export { StatsError, statsErrorCodes, type StatsErrorCode } from './errors';
export { createRandom, randomIndex, type Random } from './random';
export { mean } from './mean';
export { median } from './median';
export { quantile, quantiles } from './quantile';
export { variance, standardDeviation } from './variance';
export { coefficientOfVariation } from './coefficient-of-variation';
export { medianAbsoluteDeviation, MAD_NORMAL_SCALE, type MadOptions } from './median-absolute-deviation';
export {
  bootstrapCi,
  BOOTSTRAP_DEFAULTS,
  type BootstrapOptions,
  type ConfidenceInterval,
  type Statistic,
} from './bootstrap-ci';
export { ratioCi, type RatioInterval, type RatioOptions } from './ratio-ci';
export {
  mannWhitneyU,
  EXACT_MAX_PRODUCT,
  type Alternative,
  type MannWhitneyOptions,
  type MannWhitneyResult,
} from './mann-whitney';
export { erfc, normalSf } from './normal';
export { isPrecise, relativeHalfWidth, DEFAULT_PRECISION_TARGET, type IntervalBounds } from './precision';
export { summarize, type SampleSummary } from './summarize';
export { logGamma, regularizedIncompleteBeta, studentTQuantile, studentTSf } from './student-t';
export {
  runInterval,
  describeInterval,
  MIN_RUNS_FOR_CI,
  DEFAULT_CONFIDENCE,
  type RunInterval,
  type RunIntervalOptions,
} from './run-interval';
export { compareRuns, comparePairedRuns, holmAdjust, type CompareOptions, type RunComparison } from './compare-runs';
export { spreadComponents, type SpreadComponents } from './spread-components';
export {
  settlingTime,
  DEFAULT_SETTLING_MIN_BAND,
  DEFAULT_SETTLING_NOISE_MULTIPLIER,
  DEFAULT_SETTLING_SMOOTH_SECONDS,
  MIN_SETTLING_SECONDS,
  type Settling,
  type SettlingOptions,
  type SettlingOutcome,
} from './settling-time';
