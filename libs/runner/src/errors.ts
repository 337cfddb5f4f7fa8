/**
 * Error catalogue of `@lab/runner`: each stable code with its default hint. Setup, gate and
 * crash failures throw; failed requests are data in the result.
 */
export const runnerErrorCodes = {
  /** An option or LAB_* variable has a bad value; `problems` lists every one. */
  LAB_RUNNER_OPTIONS_INVALID: 'Fix every listed option; `lab bench --help` shows the accepted values.',
  /** The variant named is not in the implementation manifest. */
  LAB_VARIANT_UNKNOWN: 'Use one of the variant ids listed in the implementation lab.json, or none for the default.',
  /** The implementation did not answer its readiness probe in time, or exited while starting. */
  LAB_IMPL_NOT_READY: 'Read the log tail in the message; run the manifest start command by hand with the same env.',
  /** The implementation exited while it was being measured. */
  LAB_IMPL_CRASHED: 'Read the log tail in the message; the cell is failed, never stored as a success.',
  /** The conformance gate found error-severity problems; `problems` lists them. */
  LAB_CONFORMANCE_FAILED: "Fix the implementation until `lab verify` passes for this scenario's endpoints.",
  /** The run was aborted (Ctrl-C or an AbortSignal); nothing was written. */
  LAB_INTERRUPTED: 'Run the cell again; every process it started has been stopped.',
  /** Another lab process holds the bench lock. */
  LAB_BENCH_LOCKED: 'Wait for the other `lab bench` to finish; a lock of a dead process is taken over automatically.',
} as const;

/** A stable error code of `@lab/runner`, e.g. `LAB_IMPL_CRASHED`. */
export type RunnerErrorCode = keyof typeof runnerErrorCodes;

/** The error thrown by `@lab/runner` (the lab's `LabError` shape: `code`, `message`, `hint`). */
export class RunnerError extends Error {
  /** Stable machine-readable code. */
  readonly code: RunnerErrorCode;
  /** What the caller can do about it. */
  readonly hint: string;
  /** Every individual problem, for errors that collect several. */
  readonly problems: readonly string[];

  constructor(code: RunnerErrorCode, message: string, options: { hint?: string; problems?: readonly string[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RunnerError';
    this.code = code;
    this.hint = options.hint ?? runnerErrorCodes[code];
    this.problems = options.problems ?? [];
  }
}

/** True when `error` is a {@link RunnerError}, optionally with the given code. */
export function isRunnerError(error: unknown, code?: RunnerErrorCode): error is RunnerError {
  return error instanceof RunnerError && (code === undefined || error.code === code);
}
