import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { JsonSchema } from './contract-routes.js';

/**
 * Decimal integer text as it appears in a URL: optional minus sign, digits only (as
 * `@lab/contract`'s `intParam`). `+5`, ` 5`, `1e2`, `0x10`, `1.0` and `` are not integers.
 */
export const INT_TEXT_PATTERN = /^-?\d+$/;

/**
 * One Ajv for every request part. Unlike Fastify's default (`coerceTypes: 'array'`), nothing is
 * coerced: a JSON body's `{"name": 5}` must be a 422, not the string "5". URL parameters arrive
 * as strings, so `compileValidator` converts the integer ones itself, strictly.
 */
const ajv = new Ajv({ coerceTypes: false, useDefaults: true, removeAdditional: true, allErrors: false, strict: false });

/** A Fastify validator: Ajv's function, possibly wrapped, with Ajv's `errors` after each call. */
type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Names of the properties of an object schema whose type is `integer`. */
export function integerProperties(schema: JsonSchema): string[] {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  return Object.keys(properties).filter((name) => properties[name]!['type'] === 'integer');
}

/**
 * Turns the integer properties of a parsed query or path object from text into numbers when the
 * text is a decimal integer; anything else is left as text and fails `type: integer` (422).
 */
export function convertIntegers(data: Record<string, unknown>, names: readonly string[]): void {
  for (const name of names) {
    const value = data[name];
    if (typeof value === 'string' && INT_TEXT_PATTERN.test(value)) data[name] = Number(value);
  }
}

/**
 * The validator compiler of the app (`setValidatorCompiler`): Ajv without coercion; for the
 * querystring and path parameters, strict integer conversion first.
 */
export const compileValidator: FastifySchemaCompiler<JsonSchema> = ({ schema, httpPart }) => {
  const validate: ValidateFunction = ajv.compile(schema);
  const names = httpPart === 'querystring' || httpPart === 'params' ? integerProperties(schema) : [];
  if (names.length === 0) return validate;
  const wrapped: Validator = (data: unknown) => {
    if (data !== null && typeof data === 'object') convertIntegers(data as Record<string, unknown>, names);
    const ok = validate(data);
    wrapped.errors = validate.errors ?? null;
    return ok;
  };
  return wrapped;
};

/** One entry of a 422 `detail` array: where, what and which rule (FastAPI's shape). */
export interface ValidationError {
  loc: (string | number)[];
  msg: string;
  type: string;
}

const PART_NAMES: Record<string, string> = { querystring: 'query', params: 'path', body: 'body', headers: 'header' };

/** Ajv's errors of one request part as `{loc, msg, type}` entries. */
export function validationErrors(errors: readonly FastifySchemaValidationError[], context: string | undefined): ValidationError[] {
  const part = PART_NAMES[context ?? ''] ?? context ?? 'request';
  return errors.map((error) => {
    const loc: (string | number)[] = [part];
    for (const segment of error.instancePath.split('/').slice(1)) loc.push(/^\d+$/.test(segment) ? Number(segment) : segment);
    const missing = (error.params as { missingProperty?: unknown }).missingProperty;
    if (typeof missing === 'string') loc.push(missing);
    return { loc, msg: error.message ?? 'is invalid', type: error.keyword };
  });
}
