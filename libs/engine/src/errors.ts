/**
 * Error catalogue of `@lab/engine`: each stable code with its default hint. Only setup and
 * configuration failures throw; failed requests are data in the result.
 */
export const engineErrorCodes = {
  /** The scenario failed validation; `problems` lists each problem as `path: message`. */
  LAB_SCENARIO_INVALID: 'Fix every listed field; libs/engine/README.md shows the scenario shape.',
  /** The base URL names a non-loopback host and remote targets were not allowed. */
  LAB_REMOTE_TARGET_REFUSED: 'Pass allowRemote: true (CLI: --allow-remote) only if you mean to load a remote host.',
  /** The base URL is not an http:// URL. */
  LAB_BASE_URL_INVALID: 'Use e.g. http://127.0.0.1:8000.',
  /** The scenario's setup threw. */
  LAB_SETUP_FAILED: 'Is the target up, seeded, and serving the endpoints setup calls?',
  /** The scenario's teardown threw (the measurement itself completed). */
  LAB_TEARDOWN_FAILED: 'Check the target; the load phase had completed.',
  /** wrk is not installed where expected. */
  LAB_WRK_NOT_FOUND: 'apt-get install -y wrk (tools/setup does this), or use the native driver.',
  /** The scenario cannot be driven by wrk (open/sweep load, or requests that vary per iteration). */
  LAB_WRK_UNSUPPORTED: 'Use the native driver, or declare a fixed `wrk: { requests }` mix in the scenario.',
  /** wrk failed to start or wrote no summary. */
  LAB_WRK_FAILED: 'Run the same wrk command by hand to see why.',
  /** The Go load generator (tools/loadgen) is missing and could not be built (no Go toolchain, or the build failed). */
  LAB_LOADGEN_NOT_FOUND: 'Install Go (tools/setup does when it is missing), then `npx nx run loadgen:build`; or use --driver native.',
  /** The scenario cannot be driven by the Go load generator (open/sweep load, or requests that vary per iteration). */
  LAB_LOADGEN_UNSUPPORTED: 'Use the native driver (--driver native), or declare a fixed `wrk: { requests }` mix in the scenario.',
  /** The Go load generator failed or printed no result. */
  LAB_LOADGEN_FAILED: 'Run tools/loadgen/bin/loadgen -plan <plan.json> by hand to see why.',
} as const;

/** A stable error code of `@lab/engine`, e.g. `LAB_SCENARIO_INVALID`. */
export type EngineErrorCode = keyof typeof engineErrorCodes;

/** The error thrown by `@lab/engine` (the lab's `LabError` shape: `code`, `message`, `hint`). */
export class EngineError extends Error {
  /** Stable machine-readable code. */
  readonly code: EngineErrorCode;
  /** What the caller can do about it. */
  readonly hint: string;
  /** Every individual problem, for errors that collect several (validation). */
  readonly problems: readonly string[];

  constructor(code: EngineErrorCode, message: string, options: { hint?: string; problems?: readonly string[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EngineError';
    this.code = code;
    this.hint = options.hint ?? engineErrorCodes[code];
    this.problems = options.problems ?? [];
  }
}

/** The scenario failed validation. */
export function scenarioInvalid(id: string, problems: string[]): EngineError {
  return new EngineError('LAB_SCENARIO_INVALID', `scenario ${id} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`, { problems });
}

/** The base URL names a host that is not loopback. */
export function remoteTargetRefused(baseUrl: string): EngineError {
  return new EngineError('LAB_REMOTE_TARGET_REFUSED', `refusing to send load to ${baseUrl}: only 127.0.0.1 and [::1] are allowed by default`);
}
