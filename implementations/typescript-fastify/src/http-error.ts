/** An error that the error handler turns into `{"detail": detail}` with `statusCode`. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'HttpError';
  }
}

/** Milliseconds since `startMs` (a `performance.now()` reading), rounded to 3 decimals. */
export function elapsedSince(startMs: number): number {
  return Math.round((performance.now() - startMs) * 1000) / 1000;
}

/** Smallest value of a PostgreSQL `integer` (int4), the type of every id and stock column. */
export const INT4_MIN = -2147483648;
/** Largest value of a PostgreSQL `integer` (int4). */
export const INT4_MAX = 2147483647;

/** True when `value` fits a PostgreSQL `integer`. */
export function isInt4(value: number): boolean {
  return Number.isInteger(value) && value >= INT4_MIN && value <= INT4_MAX;
}
