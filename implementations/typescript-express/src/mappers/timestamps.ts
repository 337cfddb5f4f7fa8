/** A `TIMESTAMP` column (read by Prisma as a UTC `Date`) as ISO 8601 with `Z`; null stays null. */
export function isoTimestamp(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

/** A `DATE` column (a `Date` at UTC midnight) as `YYYY-MM-DD`; null stays null. */
export function isoDate(value: Date | null): string | null {
  return value === null ? null : value.toISOString().slice(0, 10);
}
