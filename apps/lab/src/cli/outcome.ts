import type { ErrorView } from './errors';
import type { ExitCode } from './exit-codes';
import type { Paint } from './paint';

/** What a command hands back to `main` to render: data, never printed output. */
export interface Outcome {
  exitCode: ExitCode;
  /** Printed on stdout as JSON when the command was given `--json`. */
  json?: unknown;
  /** Lines for people, printed on stderr when not in `--json` mode. */
  text?: (paint: Paint) => string[];
  /** An error to print after everything else, in both modes (e.g. invalid manifests next to a listing). */
  error?: ErrorView;
}

/** Where the CLI writes: stdout for machine output, stderr for people. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Streams progress lines to the person while a command runs. */
export type Log = (line: string) => void;
