import { EXIT, type ExitCode } from './exit-codes';

/** Stable codes of the CLI's own errors. Tests assert these, never the wording. */
export type CliErrorCode =
  | 'LAB_USAGE_UNKNOWN_COMMAND'
  | 'LAB_USAGE_UNKNOWN_FLAG'
  | 'LAB_USAGE_MISSING_VALUE'
  | 'LAB_USAGE_BAD_VALUE'
  | 'LAB_USAGE_BAD_ARGUMENTS'
  | 'LAB_UNKNOWN_IMPL'
  | 'LAB_UNKNOWN_VARIANT'
  | 'LAB_UNKNOWN_GROUP'
  | 'LAB_UNKNOWN_SCENARIO'
  | 'LAB_WORKSPACE_NOT_FOUND'
  | 'LAB_MANIFEST_INVALID'
  | 'LAB_IMPL_EXITED'
  | 'LAB_IMPL_BUILD_FAILED'
  | 'LAB_PUBLISH_OTHER_HOST_CLASS'
  | 'LAB_FACTS_INVALID'
  | 'LAB_DOCS_STALE'
  | 'LAB_NO_RESULTS';

/**
 * A failure the CLI reports as `error[CODE]: message` then `hint: ...`, and the exit code it
 * maps to. `details` are extra lines printed between the two (e.g. every manifest problem).
 */
export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly hint: string,
    readonly exitCode: ExitCode,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A command-line mistake (exit 2). */
export function usageError(code: CliErrorCode, message: string, hint: string): CliError {
  return new CliError(code, message, hint, EXIT.usage);
}

/** What every printed error is reduced to. */
export interface ErrorView {
  code: string;
  message: string;
  hint: string | undefined;
  details: readonly string[];
  exitCode: ExitCode;
}

/**
 * Any thrown value as an `ErrorView`: a `CliError` as is; a library error with a stable
 * `LAB_*` code and a hint (InfraError, ConformanceError, ...) as a setup error (exit 3);
 * anything else as `LAB_INTERNAL` (exit 3), whose stack LAB_DEBUG=1 shows.
 */
export function toErrorView(error: unknown): ErrorView {
  if (error instanceof CliError) {
    return { code: error.code, message: error.message, hint: error.hint, details: error.details, exitCode: error.exitCode };
  }
  const e = error as { code?: unknown; message?: unknown; hint?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (typeof e?.code === 'string' && e.code.startsWith('LAB_')) {
    return { code: e.code, message, hint: typeof e.hint === 'string' ? e.hint : undefined, details: [], exitCode: EXIT.setup };
  }
  return {
    code: 'LAB_INTERNAL',
    message,
    hint: 'this is a bug in the lab or an unexpected environment; rerun with LAB_DEBUG=1 for the stack trace',
    details: [],
    exitCode: EXIT.setup,
  };
}
