import { z } from 'zod';

/** Bounds and default of an integer URL parameter. */
export interface IntParamOptions {
  /** Inclusive lower bound. */
  min?: number;
  /** Inclusive upper bound. */
  max?: number;
  /** Value when absent; the parameter is required without it. */
  default?: number;
}

/**
 * An integer path or query parameter parsed from its URL text: digits with an optional minus
 * only (so '', '1.5', '1e3' and '0x10' are 422), then range-checked (never clamped).
 */
export function intParam(options: IntParamOptions = {}) {
  let target = z.number().int();
  if (options.min !== undefined) target = target.min(options.min);
  if (options.max !== undefined) target = target.max(options.max);
  const parsed = z
    .string()
    .regex(/^-?\d+$/, 'must be an integer')
    .transform(Number)
    .pipe(target);
  return options.default === undefined ? parsed : parsed.optional().transform((v) => v ?? options.default!);
}
