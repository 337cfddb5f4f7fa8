/** Smallest value of a PostgreSQL `integer` (int4): every id and counter column. */
export const INT4_MIN = -2_147_483_648;
/** Largest value of a PostgreSQL `integer` (int4). */
export const INT4_MAX = 2_147_483_647;

/** Decimal integer text as it appears in a URL: optional minus sign, digits only. */
const INT_TEXT = /^-?\d+$/;

/**
 * The number a URL parameter's text spells, when it is decimal integer text within the safe
 * integer range; otherwise the value unchanged (so `IsInt` rejects it: '', '1.5', '1e3', '0x10',
 * ' 1', a repeated parameter's array).
 */
export function parseIntText(value: unknown): unknown {
  if (typeof value !== 'string' || !INT_TEXT.test(value)) return value;
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : value;
}

/** True when `n` fits a PostgreSQL `integer`. */
export function isInt4(n: number): boolean {
  return Number.isInteger(n) && n >= INT4_MIN && n <= INT4_MAX;
}
