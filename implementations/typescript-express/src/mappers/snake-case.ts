import { isoDate, isoTimestamp } from './timestamps.js';

const keyCache = new Map<string, string>();

/**
 * A Prisma field name as its column name: `createdAt` → `created_at`, `field01` → `field_01`,
 * `intCol01` → `int_col_01` (an underscore before each capital and before a run of digits).
 */
export function snakeCaseKey(field: string): string {
  let key = keyCache.get(field);
  if (key === undefined) {
    key = field.replace(/([a-z])(?=\d)/g, '$1_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    keyCache.set(field, key);
  }
  return key;
}

/**
 * Maps a whole Prisma row to the contract's snake_case row: every field renamed, `Date`s as ISO
 * timestamps except the fields in `dateOnly` (SQL `DATE`), which become `YYYY-MM-DD`.
 * JSON and UUID values pass through (Prisma already returns objects and lowercase strings).
 */
export function toSnakeRow(row: Record<string, unknown>, dateOnly: ReadonlySet<string> = NO_FIELDS): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field in row) {
    const value = row[field];
    out[snakeCaseKey(field)] = value instanceof Date ? (dateOnly.has(field) ? isoDate(value) : isoTimestamp(value)) : value;
  }
  return out;
}

const NO_FIELDS: ReadonlySet<string> = new Set();
