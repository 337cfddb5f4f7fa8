import type { z } from 'zod';
import { HttpError } from './http-error.js';

/**
 * Parses `input` with `schema`, or throws a 422 `HttpError` whose `detail` is the list of zod
 * issues (`[{loc, msg, type}]`, the shape FastAPI clients know).
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new HttpError(
    422,
    result.error.issues.map((issue) => ({ loc: issue.path, msg: issue.message, type: issue.code })),
  );
}
