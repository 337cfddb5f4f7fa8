/** Stable codes of the gate's setup failures (a wrong server is never an exception). */
export type ConformanceErrorCode = 'LAB_CONFORMANCE_BAD_OPTIONS' | 'LAB_CONFORMANCE_FAULT_UNKNOWN';

/** A setup or configuration failure of the conformance gate. */
export class ConformanceError extends Error {
  constructor(
    readonly code: ConformanceErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'ConformanceError';
  }
}
