import fc from 'fast-check';
import type { z } from 'zod';
import { FuzzError } from './errors';

/**
 * Where a value travels: `json` inside a JSON body, `text` as the decoded text of a URL path or
 * query parameter (a number is written in decimal; `undefined` means the parameter is absent).
 */
export type Wire = 'json' | 'text';

/** An arbitrary of unknown values (what the mapper returns). */
export type AnyArbitrary = fc.Arbitrary<unknown>;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Lone UTF-16 surrogates: valid for zod, but not text a client can send as UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u;

type Def = { type: string } & Record<string, unknown>;

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function checksOf(schema: z.ZodType): Array<Record<string, unknown>> {
  const checks = (defOf(schema).checks ?? []) as Array<{ _zod: { def: Record<string, unknown> } }>;
  return checks.map((c) => c._zod.def);
}

function unsupported(schema: z.ZodType, why: string): never {
  throw new FuzzError(
    'LAB_FUZZ_UNSUPPORTED_SCHEMA',
    `cannot derive values for a zod "${defOf(schema).type}" schema: ${why}`,
    'extend libs/fuzz/src/zod-arbitrary.ts for this schema kind',
  );
}

function accepts(schema: z.ZodType, value: unknown): boolean {
  return schema.safeParse(value).success;
}

/** The regular expressions a string schema must match (`.regex()` checks and formats such as `z.iso.date()`). */
export function stringPatterns(schema: z.ZodType): RegExp[] {
  const own = defOf(schema).pattern;
  const fromChecks = checksOf(schema)
    .map((c) => c.pattern)
    .filter((p): p is RegExp => p instanceof RegExp);
  return own instanceof RegExp ? [own, ...fromChecks] : fromChecks;
}

/** Length bounds of a string or array schema, from its checks. */
function lengthBounds(schema: z.ZodType): { min: number; max: number | undefined } {
  let min = 0;
  let max: number | undefined;
  for (const c of checksOf(schema)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum as number);
    if (c.check === 'max_length') max = Math.min(max ?? Infinity, c.maximum as number);
    if (c.check === 'length_equals') {
      min = c.length as number;
      max = c.length as number;
    }
  }
  return { min, max };
}

/** Inclusive bounds and integrality of a number schema. */
export function numberBounds(schema: z.ZodType): { min: number; max: number; int: boolean } {
  const n = schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
  return { min: n.minValue ?? -Infinity, max: n.maxValue ?? Infinity, int: n.isInt };
}

/** Boundary values first: the bounds, their neighbours inside, zero when in range. */
function boundaryIntegers(lo: number, hi: number): number[] {
  const values = [lo, hi, lo + 1, hi - 1, 0, 1].filter((v) => v >= lo && v <= hi);
  return [...new Set(values)];
}

/**
 * Valid integers, biased the way a fuzzer wants them: the boundaries, small values near the
 * lower bound (cheap for the server: a `count` of 10,000 rows is valid but slow), and the whole range.
 */
function validInteger(lo: number, hi: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...boundaryIntegers(lo, hi)) },
    { weight: 4, arbitrary: fc.integer({ min: lo, max: Math.min(hi, lo + 99) }) },
    { weight: 1, arbitrary: fc.integer({ min: lo, max: hi }) },
  );
}

function validNumber(schema: z.ZodType, wire: Wire): AnyArbitrary {
  const { min, max, int } = numberBounds(schema);
  let arb: fc.Arbitrary<number>;
  if (int) {
    const lo = Math.max(min, Number.MIN_SAFE_INTEGER);
    const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
    if (lo > hi) unsupported(schema, 'empty integer range');
    arb = validInteger(Math.ceil(lo), Math.floor(hi));
  } else {
    arb = fc.double({
      noNaN: true,
      noDefaultInfinity: true,
      ...(Number.isFinite(min) ? { min } : {}),
      ...(Number.isFinite(max) ? { max } : {}),
    });
  }
  return wire === 'text' ? arb.map((n) => String(n)) : arb;
}

/** Strings of code points (no lone surrogates), every length in [min, max]. */
function plainString(min: number, max: number | undefined): fc.Arbitrary<string> {
  const upper = max ?? Math.max(min, 40);
  const sized = (unit: 'grapheme-ascii' | 'binary' | 'grapheme') => fc.string({ unit, minLength: min, maxLength: upper });
  return fc.oneof(sized('grapheme-ascii'), sized('grapheme'), sized('binary'));
}

function validString(schema: z.ZodType): AnyArbitrary {
  const { min, max } = lengthBounds(schema);
  const patterns = stringPatterns(schema);
  const candidates: fc.Arbitrary<string>[] = [plainString(min, max)];
  for (const pattern of patterns) candidates.push(fc.stringMatching(pattern));
  if (max !== undefined && max > 0) {
    // The longest allowed value, a boundary every server must accept.
    candidates.push(fc.string({ unit: 'grapheme-ascii', minLength: max, maxLength: max }));
  }
  return fc.oneof(...candidates).filter((s) => !LONE_SURROGATE.test(s) && accepts(schema, s));
}

function validObject(schema: z.ZodObject, wire: Wire): AnyArbitrary {
  if (wire === 'text') unsupported(schema, 'an object cannot be a URL parameter');
  const shape = schema.shape as Record<string, z.ZodType>;
  const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, validArbitrary(field, 'json')]));
  const strict = defOf(schema).catchall !== undefined;
  const base = fc.record(fields).map(dropUndefined);
  if (strict) return base;
  // Unknown keys are valid (zod strips them); some servers must learn to ignore them.
  const extra = fc.dictionary(
    fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !(k in shape)),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 2 },
  );
  return fc.oneof({ weight: 3, arbitrary: base }, { weight: 1, arbitrary: fc.tuple(base, extra).map(([b, e]) => ({ ...e, ...b })) });
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/**
 * An arbitrary of values that `schema` accepts, as they travel on `wire`: JSON values for a body,
 * decimal text or plain text for a URL parameter (`undefined` = absent, only when optional).
 * Derived from the schema kinds the contract uses (objects, strings with length and regex checks,
 * numbers with bounds, literals, enums, arrays, records, unions, optional/nullable/default and the
 * `intParam` pipe). Every value is checked with `schema.safeParse`.
 */
export function validArbitrary(schema: z.ZodType, wire: Wire = 'json'): AnyArbitrary {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 4, arbitrary: validArbitrary(def.innerType as z.ZodType, wire) });
    case 'nullable':
      return wire === 'text'
        ? validArbitrary(def.innerType as z.ZodType, wire)
        : fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: validArbitrary(def.innerType as z.ZodType, wire) });
    case 'pipe':
      // Values of the output type, written on the wire; the whole pipe must accept them.
      return validArbitrary(def.out as z.ZodType, wire).filter((v) => accepts(schema, v));
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => validArbitrary(o, wire))).filter((v) => accepts(schema, v));
    case 'number':
      return validNumber(schema, wire);
    case 'string':
      return validString(schema);
    case 'boolean':
      return wire === 'text' ? fc.constantFrom('true', 'false').filter((v) => accepts(schema, v)) : fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'array': {
      const { min, max } = lengthBounds(schema);
      return fc.array(validArbitrary(def.element as z.ZodType, wire), { minLength: min, maxLength: max ?? Math.max(min, 5) });
    }
    case 'object':
      return validObject(schema as z.ZodObject, wire);
    case 'record': {
      if (wire === 'text') unsupported(schema, 'a record cannot be a URL parameter');
      const keys = validArbitrary(def.keyType as z.ZodType, 'json') as fc.Arbitrary<string>;
      return fc.dictionary(keys, validArbitrary(def.valueType as z.ZodType, 'json'), { maxKeys: 5 });
    }
    case 'unknown':
    case 'any':
      return wire === 'text' ? fc.string() : fc.jsonValue({ maxDepth: 3 });
    default:
      return unsupported(schema, 'not used by the contract yet');
  }
}

/** JSON values of every type except the ones `schema` accepts. */
function wrongJsonTypes(schema: z.ZodType): AnyArbitrary {
  return fc
    .oneof(
      fc.string({ maxLength: 10 }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
    )
    .filter((v) => !accepts(schema, v));
}

/** Decimal text of integers far outside [lo, hi], beyond 64 bits too (the classic overflow inputs). */
function hugeIntegerText(lo: number, hi: number): fc.Arbitrary<string> {
  const above = BigInt(Math.min(hi, Number.MAX_SAFE_INTEGER)) + 1n;
  const below = BigInt(Math.max(lo, Number.MIN_SAFE_INTEGER)) - 1n;
  const far = 10n ** 30n;
  const arbs: fc.Arbitrary<bigint>[] = [];
  if (Number.isFinite(hi))
    arbs.push(
      fc.bigInt({ min: above, max: above + far }),
      fc.constantFrom(2n ** 31n, 2n ** 32n, 2n ** 63n, 2n ** 64n, MAX_SAFE + 2n).filter((v) => v > BigInt(hi)),
    );
  if (Number.isFinite(lo))
    arbs.push(
      fc.bigInt({ min: below - far, max: below }),
      fc.constantFrom(-(2n ** 31n) - 1n, -(2n ** 63n) - 1n).filter((v) => v < BigInt(lo)),
    );
  return fc.oneof(...arbs).map((v) => v.toString());
}

/**
 * Text that is clearly no integer: decimals, exponents, hex, words, empty. Borderline forms that
 * some parsers read as integers (`+5`, ` 5`, `1.0`, `1_000`, non-ASCII digits) are not here.
 */
const NOT_INTEGER_TEXT = [
  '',
  'abc',
  '1.5',
  '0.5',
  '1e3',
  '1E3',
  '0x10',
  '0b1',
  '0o7',
  'NaN',
  'Infinity',
  '-',
  '--1',
  '1-1',
  '1,2',
  'null',
  'true',
  '[1]',
  '{}',
  '1/2',
  '%',
];

function invalidNumber(schema: z.ZodType, wire: Wire): AnyArbitrary {
  const { min, max, int } = numberBounds(schema);
  const outOfRange: fc.Arbitrary<number>[] = [];
  if (Number.isFinite(min)) outOfRange.push(fc.constantFrom(min - 1, min - 1000, -1e21).filter((v) => v < min));
  if (Number.isFinite(max)) outOfRange.push(fc.constantFrom(max + 1, max + 1000, 1e21, 2 ** 53 + 2).filter((v) => v > max));
  if (int) outOfRange.push(fc.integer({ min: -1000, max: 1000 }).map((v) => v + 0.5));
  if (wire === 'text') {
    const texts: fc.Arbitrary<string>[] = [fc.constantFrom(...NOT_INTEGER_TEXT), ...outOfRange.map((a) => a.map(numberText))];
    if (int) texts.push(hugeIntegerText(min, max));
    texts.push(fc.string({ minLength: 1, maxLength: 6 }).filter((s) => /[^0-9+\-\s\p{Nd}._]/u.test(s)));
    return fc.oneof(...texts);
  }
  const wrong = wrongJsonTypes(schema);
  return outOfRange.length ? fc.oneof(wrong, ...outOfRange) : wrong;
}

/** A number as a URL would carry it: integers in full decimal (no exponent), others as JS writes them. */
function numberText(n: number): string {
  return Number.isInteger(n) ? BigInt(n).toString() : String(n);
}

function invalidString(schema: z.ZodType, wire: Wire): AnyArbitrary | null {
  const { min, max } = lengthBounds(schema);
  const patterns = stringPatterns(schema);
  const arbs: fc.Arbitrary<unknown>[] = [];
  if (wire === 'json') arbs.push(wrongJsonTypes(schema));
  if (min > 0) arbs.push(fc.string({ unit: 'grapheme-ascii', maxLength: min - 1 }));
  // Too long: ASCII, so that every notion of length (UTF-16 units, code points, bytes) agrees.
  if (max !== undefined) arbs.push(fc.string({ unit: 'grapheme-ascii', minLength: max + 1, maxLength: max + 40 }));
  if (patterns.length > 0) {
    const valid = validString(schema) as fc.Arbitrary<string>;
    // A NUL anywhere (PostgreSQL cannot store it), or text that misses a required pattern.
    arbs.push(fc.tuple(valid, fc.nat()).map(([s, i]) => withCharAt(s, i, '\u0000')));
    arbs.push(fc.string({ unit: 'grapheme-ascii', minLength: Math.max(min, 1), maxLength: Math.max(min, Math.min(max ?? 20, 20)) }));
  }
  if (arbs.length === 0) return null;
  return fc.oneof(...arbs).filter((v) => !accepts(schema, v));
}

/** `s` with `char` inserted before code point `index` (modulo the length): surrogate pairs stay whole. */
function withCharAt(s: string, index: number, char: string): string {
  const points = Array.from(s);
  points.splice(index % (points.length + 1), 0, char);
  return points.join('');
}

function invalidObject(schema: z.ZodObject, wire: Wire): AnyArbitrary | null {
  if (wire === 'text') unsupported(schema, 'an object cannot be a URL parameter');
  const shape = schema.shape as Record<string, z.ZodType>;
  const valid = validArbitrary(schema, 'json') as fc.Arbitrary<Record<string, unknown>>;
  const arbs: fc.Arbitrary<unknown>[] = [wrongJsonTypes(schema)];
  for (const [key, field] of Object.entries(shape)) {
    const bad = invalidArbitrary(field, 'json');
    if (bad) arbs.push(fc.tuple(valid, bad).map(([v, b]) => (b === undefined ? omit(v, key) : { ...v, [key]: b })));
  }
  if (defOf(schema).catchall !== undefined) {
    arbs.push(fc.tuple(valid, fc.jsonValue({ maxDepth: 1 })).map(([v, extra]) => ({ ...v, zz_unexpected: extra })));
  }
  return fc.oneof(...arbs).filter((v) => !accepts(schema, v));
}

function omit(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

/**
 * An arbitrary of values that `schema` rejects, as they travel on `wire` (`undefined` = a required
 * value left out), or null when there is none (e.g. `z.unknown()`, or any text for a plain
 * `z.string()` URL parameter that is optional). Wrong types, out-of-range and huge numbers,
 * non-integer text, strings too short or too long or with a NUL, missing or mistyped fields,
 * unexpected keys of strict objects. Every value is checked with `schema.safeParse`.
 */
export function invalidArbitrary(schema: z.ZodType, wire: Wire = 'json'): AnyArbitrary | null {
  const def = defOf(schema);
  const required = !accepts(schema, undefined);
  const absent = required ? fc.constant(undefined) : null;
  let body: AnyArbitrary | null;
  switch (def.type) {
    case 'optional':
    case 'default':
      body = invalidArbitrary(def.innerType as z.ZodType, wire);
      break;
    case 'nullable':
      body = invalidArbitrary(def.innerType as z.ZodType, wire);
      break;
    case 'pipe': {
      const parts = [invalidArbitrary(def.in as z.ZodType, wire), invalidArbitrary(def.out as z.ZodType, wire)].filter((a): a is AnyArbitrary => a !== null);
      body = parts.length ? fc.oneof(...parts) : null;
      break;
    }
    case 'union': {
      const parts = (def.options as z.ZodType[]).map((o) => invalidArbitrary(o, wire)).filter((a): a is AnyArbitrary => a !== null);
      body = parts.length ? fc.oneof(...parts) : null;
      break;
    }
    case 'number':
      body = invalidNumber(schema, wire);
      break;
    case 'string':
      body = invalidString(schema, wire);
      break;
    case 'transform':
      return null;
    case 'boolean':
    case 'null':
      body = wire === 'json' ? wrongJsonTypes(schema) : fc.constantFrom('yes', '2', 'null', '');
      break;
    case 'literal':
    case 'enum':
      body = wire === 'json' ? wrongJsonTypes(schema) : fc.string({ maxLength: 8 });
      break;
    case 'array': {
      const element = invalidArbitrary(def.element as z.ZodType, 'json');
      const { min, max } = lengthBounds(schema);
      const arbs: AnyArbitrary[] = [wrongJsonTypes(schema)];
      if (element) arbs.push(fc.array(element, { minLength: Math.max(min, 1), maxLength: Math.max(min, 3) }));
      if (max !== undefined) arbs.push(fc.array(validArbitrary(def.element as z.ZodType, 'json'), { minLength: max + 1, maxLength: max + 2 }));
      body = fc.oneof(...arbs);
      break;
    }
    case 'object':
      body = invalidObject(schema as z.ZodObject, wire);
      break;
    case 'record':
      body = wire === 'json' ? wrongJsonTypes(schema) : null;
      break;
    case 'unknown':
    case 'any':
      body = null;
      break;
    default:
      return unsupported(schema, 'not used by the contract yet');
  }
  const parts = [body, absent].filter((a): a is AnyArbitrary => a !== null);
  if (parts.length === 0) return null;
  const arb = parts.length === 1 ? parts[0]! : fc.oneof({ weight: 6, arbitrary: parts[0]! }, { weight: 1, arbitrary: parts[1]! });
  return arb.filter((v) => !accepts(schema, v));
}
