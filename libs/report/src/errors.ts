/**
 * Error catalogue of `@lab/report`. Every error thrown here is a {@link ReportError} with one
 * of these stable codes; callers and tests match on `code`, never on wording. Missing or
 * invalid cells are data (listed in the report), not errors: only misuse throws.
 */
export const reportErrorCodes = {
  /** A scope string is not `workspace`, `scenario:<id>` or `impl:<id>`. */
  LAB_REPORT_INVALID_SCOPE: 'Use --scope workspace, --scope scenario:<NN-slug> or --scope impl:<implementation>.',
} as const;

/** A stable error code of `@lab/report`. */
export type ReportErrorCode = keyof typeof reportErrorCodes;

/** The error thrown by `@lab/report` (the lab's `LabError` shape: `code`, `message`, `hint`). */
export class ReportError extends Error {
  /** Stable machine-readable code. */
  readonly code: ReportErrorCode;
  /** What the caller can do about it. */
  readonly hint: string;

  constructor(code: ReportErrorCode, message: string, hint: string = reportErrorCodes[code]) {
    super(message);
    this.name = 'ReportError';
    this.code = code;
    this.hint = hint;
  }
}
