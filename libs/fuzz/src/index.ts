// The stage.
export {
  runFuzz,
  DEFAULT_FUZZ_BUDGET,
  DEFAULT_FUZZ_SEED,
  DEFAULT_FUZZ_TIMEOUT_MS,
  DEFAULT_SLOW_TIMEOUT_MS,
  SLOW_GROUPS,
  type FuzzBudget,
  type FuzzFailure,
  type FuzzOptions,
  type FuzzProgress,
  type FuzzResult,
} from './run-fuzz';
export { curlCommand, viewOf, type FuzzRequestView } from './request-view';
export type { FailureKind } from './judge';
export { FuzzError, type FuzzErrorCode } from './errors';
// Its parts, for tests and other stages.
export { validArbitrary, invalidArbitrary, type Wire } from './zod-arbitrary';
export { endpointArbitrary, planRequests } from './generate';
export { regressionRequests } from './regressions';
export { judgeReply, allowedStatuses, type FuzzReply } from './judge';
export { allowProblem, pathTable } from './methods';
export type { Expectation, FuzzRequest } from './fuzz-request';
