import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoints, intParam, PG_INT_MAX, SearchQuery, UserCreateBody } from '@lab/contract';
import { invalidArbitrary, validArbitrary, type Wire } from './zod-arbitrary';

const RUNS = 150;
const sample = (arb: fc.Arbitrary<unknown>, seed = 7) => fc.sample(arb, { seed, numRuns: RUNS });

/** Every request-side schema of the contract: each path and query parameter (as URL text) and each JSON body. */
const requestSchemas: Array<[string, z.ZodType, Wire]> = endpoints.flatMap((e) => [
  ...Object.entries((e.params?.shape ?? {}) as Record<string, z.ZodType>).map(([k, s]) => [`${e.id} path ${k}`, s, 'text'] as [string, z.ZodType, Wire]),
  ...Object.entries((e.query?.shape ?? {}) as Record<string, z.ZodType>).map(([k, s]) => [`${e.id} query ${k}`, s, 'text'] as [string, z.ZodType, Wire]),
  ...(e.body ? [[`${e.id} body`, e.body, 'json'] as [string, z.ZodType, Wire]] : []),
]);

describe('validArbitrary / invalidArbitrary on the contract', () => {
  it('covers parameters and bodies', () => {
    expect(requestSchemas.length).toBeGreaterThan(40);
  });

  it.each(requestSchemas)('%s: valid values parse', (_, schema, wire) => {
    for (const value of sample(validArbitrary(schema, wire))) expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(true);
  });

  it.each(requestSchemas)('%s: invalid values do not parse', (_, schema, wire) => {
    const arb = invalidArbitrary(schema, wire);
    expect(arb).not.toBeNull();
    for (const value of sample(arb!)) expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(false);
  });

  it('URL values are text (or absent when optional)', () => {
    const { limit } = SearchQuery.shape;
    for (const v of sample(validArbitrary(limit, 'text'))) expect(v === undefined || typeof v === 'string').toBe(true);
    for (const v of sample(validArbitrary(SearchQuery.shape.q, 'text'))) expect(typeof v).toBe('string');
  });
});

describe('integer parameters', () => {
  const id = intParam({ min: 1, max: PG_INT_MAX, description: 'id' });

  it('valid values include both bounds, written in decimal', () => {
    const values = sample(validArbitrary(id, 'text'), 3);
    expect(values).toContain('1');
    expect(values).toContain(String(PG_INT_MAX));
    for (const v of values) expect(v).toMatch(/^\d+$/);
  });

  it('invalid values include out-of-range, beyond-64-bit and non-integer text', () => {
    const values = fc.sample(invalidArbitrary(id, 'text')!, { seed: 3, numRuns: 600 }) as Array<string | undefined>;
    expect(values).toContain('0');
    expect(values).toContain(String(PG_INT_MAX + 1));
    expect(values.some((v) => typeof v === 'string' && /^\d{20,}$/.test(v))).toBe(true);
    expect(values.some((v) => typeof v === 'string' && /[.eEx]/.test(v))).toBe(true);
    expect(values).toContain(undefined);
  });

  it('never produces borderline text that parsers disagree on as "invalid"', () => {
    const values = fc.sample(invalidArbitrary(id, 'text')!, { seed: 5, numRuns: 600 }) as Array<string | undefined>;
    for (const v of values) expect(v === undefined || !/^[+\s]*\d+\s*$/.test(v) || /^-?\d+$/.test(v)).toBe(true);
  });
});

describe('strings and objects', () => {
  it('invalid user bodies include a NUL, a missing field, wrong types and a too-long name', () => {
    const values = fc.sample(invalidArbitrary(UserCreateBody, 'json')!, { seed: 11, numRuns: 800 });
    const objects = values.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));
    expect(objects.some((o) => typeof o.name === 'string' && o.name.includes('\u0000'))).toBe(true);
    expect(objects.some((o) => !('email' in o))).toBe(true);
    expect(objects.some((o) => typeof o.name === 'string' && o.name.length > 100)).toBe(true);
    expect(values.some((v) => typeof v !== 'object' || v === null || Array.isArray(v))).toBe(true);
  });

  it('valid strings are well-formed Unicode', () => {
    for (const v of sample(validArbitrary(z.string().min(1).max(20), 'json'))) expect(/\p{Cs}/u.test(v as string)).toBe(false);
  });

  it('maps the remaining kinds: literal, enum, boolean, array with length, nullable', () => {
    const schema = z.strictObject({
      kind: z.literal('a'),
      mode: z.enum(['x', 'y']),
      flag: z.boolean(),
      items: z.array(z.number().int().min(0)).length(3),
      note: z.string().nullable(),
    });
    for (const v of sample(validArbitrary(schema))) expect(schema.safeParse(v).success).toBe(true);
    for (const v of sample(invalidArbitrary(schema)!)) expect(schema.safeParse(v).success).toBe(false);
  });

  it('has no invalid value for z.unknown()', () => {
    expect(invalidArbitrary(z.unknown())).toBeNull();
  });

  it('refuses schema kinds it does not know, with a stable code', () => {
    expect(() => validArbitrary(z.date())).toThrow(expect.objectContaining({ code: 'LAB_FUZZ_UNSUPPORTED_SCHEMA' }));
  });
});
