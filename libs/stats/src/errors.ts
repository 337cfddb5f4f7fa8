/**
 * Error catalogue of `@lab/stats`. Every error thrown by this library is a {@link StatsError}
 * with one of these stable codes; tests and callers match on `code`, never on wording.
 */
export const statsErrorCodes = {
  /** A statistic was asked of a sample with no values. */
  LAB_STATS_EMPTY_SAMPLE: 'Use at least one value; a measured cell without runs has no statistic.',
  /** The method needs more values than the sample has (e.g. n − 1 variance needs two). */
  LAB_STATS_SAMPLE_TOO_SMALL: 'Measure more runs before asking for this statistic.',
  /** A value is NaN or ±Infinity. */
  LAB_STATS_NON_FINITE: 'Drop or fix NaN/Infinity values before computing statistics.',
  /** An option is out of range (probability, confidence, resample count, seed, target). */
  LAB_STATS_INVALID_OPTION: 'Check the documented range of the option named in the message.',
  /** A ratio or relative figure would divide by zero. */
  LAB_STATS_ZERO_DENOMINATOR: 'A ratio or coefficient of variation needs a non-zero denominator.',
} as const;

/** A stable error code of `@lab/stats`, e.g. `LAB_STATS_EMPTY_SAMPLE`. */
export type StatsErrorCode = keyof typeof statsErrorCodes;

/**
 * The error thrown by `@lab/stats` (the lab's `LabError` shape: `code`, `message`, `hint`).
 * Only misuse throws (empty sample, bad option); there are no I/O errors in a pure library.
 */
export class StatsError extends Error {
  /** Stable machine-readable code. */
  readonly code: StatsErrorCode;
  /** What the caller can do about it. */
  readonly hint: string;

  constructor(code: StatsErrorCode, message: string, hint: string = statsErrorCodes[code]) {
    super(message);
    this.name = 'StatsError';
    this.code = code;
    this.hint = hint;
  }
}
