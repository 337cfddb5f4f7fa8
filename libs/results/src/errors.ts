/**
 * Error catalogue of `@lab/results`. Every error thrown here is a {@link ResultsError} with one
 * of these stable codes; callers and tests match on `code`, never on wording.
 */
export const resultsErrorCodes = {
  /** The file is not JSON or does not match the result schema; `issues` lists every problem. */
  LAB_RESULT_INVALID: 'Fix the listed fields, or re-run the cell to regenerate the file.',
  /** The file was written by a different schema version of the lab. */
  LAB_RESULT_VERSION_MISMATCH: 'Re-run the cell with this version of the lab (nx run <cell>:bench --skip-nx-cache).',
  /** The file or directory could not be read. */
  LAB_RESULT_UNREADABLE: 'Check that the path exists and is readable; run `lab bench` to produce results.',
  /** Writing, syncing or renaming the file failed; no partial file was left behind. */
  LAB_RESULT_WRITE_FAILED: 'Check free space and permissions of the results directory.',
  /** An encoded histogram could not be decoded. */
  LAB_HISTOGRAM_INVALID: 'Histograms must be hdr-histogram-js encodeIntoCompressedBase64 (V2) strings.',
  /** Percentiles were asked of a histogram with no recorded values. */
  LAB_HISTOGRAM_EMPTY: 'A cell without completed requests has no latency percentiles.',
} as const;

/** A stable error code of `@lab/results`, e.g. `LAB_RESULT_INVALID`. */
export type ResultsErrorCode = keyof typeof resultsErrorCodes;

/** One schema problem: a dotted path into the result (`runs[0].errors.timeout`) and why. */
export interface ResultIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * The error thrown by `@lab/results` (the lab's `LabError` shape: `code`, `message`, `hint`),
 * plus the `file` it concerns and, for LAB_RESULT_INVALID, every schema `issue`.
 */
export class ResultsError extends Error {
  /** Stable machine-readable code. */
  readonly code: ResultsErrorCode;
  /** What the user can do about it. */
  readonly hint: string;
  /** The result file concerned, when there is one. */
  readonly file: string | undefined;
  /** Every schema problem found (LAB_RESULT_INVALID); empty otherwise. */
  readonly issues: readonly ResultIssue[];

  constructor(code: ResultsErrorCode, message: string, details: { file?: string; issues?: readonly ResultIssue[]; cause?: unknown; hint?: string } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ResultsError';
    this.code = code;
    this.hint = details.hint ?? resultsErrorCodes[code];
    this.file = details.file;
    this.issues = details.issues ?? [];
  }
}
