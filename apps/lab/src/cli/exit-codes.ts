/**
 * The CLI's exit codes, documented in `lab --help` and apps/lab/README.md. CI gates on them.
 */
export const EXIT = {
  /** Everything asked for was done and passed. */
  ok: 0,
  /** A check failed: `verify` found a conformance error, `doctor` a missing requirement. */
  checkFailed: 1,
  /** The command line was wrong: unknown command or flag, missing or bad value, unknown implementation. */
  usage: 2,
  /** The environment or setup is wrong: missing tool, invalid manifest, a service that did not start. */
  setup: 3,
  /** `bench`: a scenario threshold was breached. */
  threshold: 4,
  /** Interrupted by Ctrl-C (SIGINT): 128 + 2, as a shell reports it. */
  interrupted: 130,
  /** Stopped by SIGTERM (a CI runner, a process supervisor, `kill`): 128 + 15. */
  terminated: 143,
} as const;

/** One of the documented exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
