export { ResultsError, resultsErrorCodes, type ResultIssue, type ResultsErrorCode } from './errors';
export { RESULT_SCHEMA_VERSION, resultFileSchema, type ResultFile } from './result-schema';
export { cellSchema, loadModelSchema, nameSchema, sweepStepSchema, type Cell, type LoadModel } from './cell-schema';
export {
  hostFingerprintSchema,
  isoDateTimeSchema,
  provenanceSchema,
  type HostFingerprint,
  type Provenance,
} from './provenance-schema';
export {
  encodedHistogramSchema,
  errorCountsSchema,
  histogramSetSchema,
  histogramsSchema,
  latencySummaryUsSchema,
  planSchema,
  runSchema,
  runTimelineSchema,
  trafficSummarySchema,
  type HistogramSet,
  type Plan,
  type Run,
  type RunTimeline,
} from './run-schema';
export {
  cellStatsSchema,
  intervalSchema,
  extrasSchema,
  limitsSchema,
  percentilesUsSchema,
  roleLimitsSchema,
  roleResourcesSchema,
  roleSchema,
  thresholdSchema,
  validitySchema,
  type CellStats,
  type PercentilesUs,
  type Role,
  type Verdict,
} from './outcome-schema';
export { parseResult } from './parse-result';
export { readResultFile } from './read-result-file';
export { readResultsDir, type LoadedResult, type ResultProblem } from './read-results-dir';
export { writeResultFile } from './write-result-file';
export { formatResultJson } from './format-result-json';
export {
  createLatencyHistogram,
  decodeHistogram,
  encodeHistogram,
  mergeHistograms,
  LATENCY_HISTOGRAM_SETTINGS,
} from './histogram';
export { percentilesFromHistogram } from './percentiles-from-histogram';
export type { Histogram } from 'hdr-histogram-js';
export { cellInterval, type CellInterval } from './cell-interval';
export { upgradeV1 } from './upgrade-result';
