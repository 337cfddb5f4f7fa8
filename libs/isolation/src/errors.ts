/** Stable codes of every error this library throws. Tests and the CLI match on these, never on wording. */
export type IsolationErrorCode =
  /** The profile name is not in the catalogue. */
  | 'LAB_ISOLATION_PROFILE_UNKNOWN'
  /** The profile needs more cores than the host has (or names a CPU the host lacks). */
  | 'LAB_ISOLATION_PROFILE_TOO_BIG'
  /** A profile's limits are malformed (bad cpuset list, non-positive quota or memory). */
  | 'LAB_ISOLATION_PROFILE_INVALID'
  /** A cgroup directory could not be created or a control file could not be written. */
  | 'LAB_ISOLATION_CGROUP_WRITE'
  /** A cgroup directory could not be removed because processes stayed in it. */
  | 'LAB_ISOLATION_CGROUP_BUSY'
  /** The role groups were used after destroy(). */
  | 'LAB_ISOLATION_DESTROYED';

/**
 * The isolation library's error: a stable `code`, a message for people and a `hint` saying what
 * to do. This is the lab's LabError shape (code, message, hint) for `@lab/isolation`.
 */
export class IsolationError extends Error {
  override readonly name = 'IsolationError';

  constructor(
    readonly code: IsolationErrorCode,
    message: string,
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `err` is an {@link IsolationError}, optionally with the given code. */
export function isIsolationError(err: unknown, code?: IsolationErrorCode): err is IsolationError {
  return err instanceof IsolationError && (code === undefined || err.code === code);
}

/** The hint for any failed cgroup write: the two ways out. */
export const CGROUP_WRITE_HINT = 'run the lab as root on a host with writable cgroups, or choose --profile none (limits not enforced)';
