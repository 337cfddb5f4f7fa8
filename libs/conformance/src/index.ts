export { runConformance, labContract } from './run-conformance';
export { runChecks, selectChecks, upstreamView, DEFAULT_TIMEOUT_MS, DEFAULT_UPSTREAM_DELAY_MS } from './run-checks';
export { allChecks } from './checks';
export { statementProfiles, PROFILED_ENDPOINTS, PROFILED_REQUESTS } from './checks/statements';
export type { StatementProfile } from './checks/statements';
export { defineCheck } from './check';
export type { Check, CheckContext, UpstreamView } from './check';
export { hasKeysetPredicate, locksRows, setsSerializable } from './statement-text';
export type { CallSpec, Exchange } from './exchange';
export type { ContractView, ContractEndpoint, EndpointKey } from './contract-view';
export { findDifference, parseInstantMs } from './compare';
export type { Difference, CompareOptions } from './compare';
export { ConformanceError } from './errors';
export type {
  CheckOutcome,
  ConformanceOptions,
  ConformanceProgress,
  ConformanceReport,
  FramingRecord,
  Observation,
  Problem,
  Severity,
} from './types';
