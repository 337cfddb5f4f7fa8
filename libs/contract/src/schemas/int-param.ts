import { z } from 'zod';
import { described } from './contract-registry';

/** Options of `intParam`: inclusive bounds, default (absent = required) and a description. */
export interface IntParamOptions {
  /** Inclusive lower bound; none when absent. */
  min?: number;
  /** Inclusive upper bound; none when absent. */
  max?: number;
  /** Value used when the parameter is absent; the parameter is required when absent. */
  default?: number;
  /** What the parameter means, copied into the OpenAPI document. */
  description: string;
}

/** The largest value of PostgreSQL's `integer` (int4): ids and counts never exceed it. */
export const PG_INT_MAX = 2_147_483_647;

/** The largest page or offset a list accepts: deep enough for every seeded table, small enough for any arithmetic. */
export const MAX_OFFSET = 1_000_000;

/** Decimal integer text as it appears in a URL: optional minus sign, digits only. */
export const INT_TEXT_PATTERN = /^-?\d+$/;

function intParamSchema(options: IntParamOptions) {
  let target = z.number().int();
  if (options.min !== undefined) target = target.min(options.min);
  if (options.max !== undefined) target = target.max(options.max);
  // URL parameters arrive as strings; `z.coerce` would also accept '', '1e3' and '0x10'.
  return z.union([z.number(), z.string().regex(INT_TEXT_PATTERN).transform(Number)]).pipe(target);
}

/**
 * A row id as a path or query parameter: 1 to {@link PG_INT_MAX}, so a value the database's
 * `integer` column cannot hold is a 422 before it reaches the database (never a 500).
 */
export function idParam(description: string) {
  return intParam({ min: 1, max: PG_INT_MAX, description: `${description} (1–2147483647).` });
}

/** A required integer path or query parameter parsed strictly from its URL text. */
export function intParam(options: IntParamOptions & { default?: undefined }): ReturnType<typeof intParamSchema>;
/** An optional integer query parameter with a default, parsed strictly from its URL text. */
export function intParam(options: IntParamOptions & { default: number }): z.ZodDefault<ReturnType<typeof intParamSchema>>;
export function intParam(options: IntParamOptions): z.ZodType<number> {
  const schema = intParamSchema(options);
  return described(options.default === undefined ? schema : schema.default(options.default), options.description);
}
