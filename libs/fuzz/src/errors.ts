/** Stable codes of the fuzz stage's setup failures (a wrong server is never an exception). */
export type FuzzErrorCode = 'LAB_FUZZ_BAD_OPTIONS' | 'LAB_FUZZ_UNSUPPORTED_SCHEMA';

/** A misuse of the fuzz stage: bad options, or a schema kind the arbitrary mapper does not know. */
export class FuzzError extends Error {
  constructor(
    readonly code: FuzzErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'FuzzError';
  }
}
