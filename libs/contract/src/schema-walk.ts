import { z } from 'zod';

/** A strict object schema found inside a response schema, with where its value sits in an example. */
export interface ObjectSite {
  /** Keys and indexes from the example's root to the object (`[]` is the root). */
  path: (string | number)[];
  /** The object's schema. */
  schema: z.ZodObject;
  /** The object's value in the example. */
  value: Record<string, unknown>;
}

/** Removes `.nullable()`, `.optional()` and `.default()` wrappers. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodNullable || current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/**
 * Every object schema in `schema` that `example` exercises (arrays through their first element),
 * outermost first. Records and unions are not entered.
 */
export function objectSites(schema: z.ZodType, example: unknown, path: (string | number)[] = []): ObjectSite[] {
  const s = unwrapSchema(schema);
  if (s instanceof z.ZodArray && Array.isArray(example) && example.length > 0) {
    return objectSites(s.element as z.ZodType, example[0], [...path, 0]);
  }
  if (s instanceof z.ZodObject && example !== null && typeof example === 'object') {
    const value = example as Record<string, unknown>;
    return [{ path, schema: s, value }, ...Object.entries(s.shape).flatMap(([key, field]) => objectSites(field as z.ZodType, value[key], [...path, key]))];
  }
  return [];
}
