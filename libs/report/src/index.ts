export { ReportError, reportErrorCodes, type ReportErrorCode } from './errors';
export type {
  CellSummary,
  GroupRunFigures,
  HostSummary,
  CellGroupRef,
  CellsHypothesis,
  ExtrasHypothesis,
  GroupHypothesis,
  HypothesisMetric,
  HypothesisSpec,
  Interval,
  ProfileSummary,
  ReportModel,
  ReportScope,
  RoleFigures,
  RunPoint,
  ScenarioInfo,
  SourceProblem,
  Standing,
  TimelineSummary,
} from './report-model';
export { buildReportModel, UNCATEGORISED, type BuildReportOptions } from './build-report-model';
export { summarizeCell, describeLoad, cellLabel, hostIdOf, CURVE_PERCENTILES } from './summarize-cell';
export { rankCells, rankTable, comparisonKey, unrankableBecause, ALPHA, CI_RULE, REPORT_SEED, TIE_RULE } from './rank-cells';
export { renderMarkdown, renderNoResults, parseScope, cellsInScope } from './render-markdown';
export { INVALID_MARK, TIE_MARK, UNRANKED_MARK, MARKER_LEGEND, standingText } from './markers';
export { hostClassOf } from './summarize-cell';
export { hostClassPages, hostClassSlug, type HostClassPage } from './host-class-pages';
export {
  formatFigure,
  formatLatencyUs,
  formatMiB,
  formatPercent,
  formatRate,
  formatRateInterval,
  formatRatio,
} from './format';
export { evaluateFindings, FINDING_RULE, type Finding, type FindingCell, type FindingVerdict } from './evaluate-findings';
export { renderDiscoveries } from './render-discoveries';
export { renderHeadline, replaceHeadline, HEADLINE_MARKERS } from './render-headline';
export { bestValidCells, shareOfBest } from './share-of-best';
export { toDashboardData, DASHBOARD_DATA_VERSION, type DashboardCell, type DashboardData } from './dashboard-data';
export { collectResults, RESULT_DIR_DEPTH } from './collect-results';
export { loadScenarios, type ScenarioLoadProblem } from './load-scenarios';
export { HYPOTHESES_FILE, parseHypothesesFile, type HypothesesFileIssue } from './hypotheses-file';
export { warmupOf, WARMUP_BAND, WARMUP_NOISE_MULTIPLIER, WARMUP_SMOOTH_SECONDS, type CellWarmup, type RunWarmup } from './warmup';
export {
  runLengthStudy,
  projectedHalfWidth,
  runsFor,
  STUDY_LENGTHS_SECONDS,
  STUDY_MAX_RUNS,
  STUDY_RUN_COUNTS,
  STUDY_TARGETS,
  type LengthPrecision,
  type RunLengthOptions,
  type RunLengthStudy,
} from './run-length';
