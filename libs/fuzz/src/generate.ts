import fc from 'fast-check';
import { z } from 'zod';
import type { EndpointDef } from '@lab/contract';
import { largeJsonBody, malformedJsonBody, malformedJsonBodyCases, malformedMultipart, malformedMultipartCases, validMultipart } from './bodies';
import { endpointRequest, type BodyInput, type EndpointInputs, type FuzzRequest, type UrlText } from './fuzz-request';
import { methodRequests, pathTable } from './methods';
import { invalidArbitrary, validArbitrary } from './zod-arbitrary';

/** What generation needs to know about the server's state. */
export interface GenerationContext {
  /** Ids of users the fuzz stage created itself: the only existing rows it may update or delete. */
  ownedUserIds: readonly number[];
}

/**
 * Endpoints that change or delete one row chosen by a path parameter. Their valid ids are rows
 * the stage created itself or ids that do not exist, never seeded rows.
 */
export const ROW_MUTATING: Readonly<Record<string, string>> = { 'users.update': 'id', 'users.delete': 'id' };

/** Valid ids that no seeded or created row has (created ids come from a sequence starting after the seed). */
export const UNKNOWN_IDS = ['2147483647', '2147483646', '1999999999', '987654321'];

/** Borderline text for the id of a row-mutating endpoint: however a lenient parser reads it, no existing row. */
const BORDERLINE_UNKNOWN_ID = ['+2147483646', ' 2147483646', '2147483646 ', '\t2147483646', '2147483646.0', '02147483646'];

/**
 * True when no lenient reading of `text` (JavaScript's parseInt or Number, Python's int, a digit
 * run picked out) can name an existing row: every run of digits is ASCII and either zeros or at
 * least 10^8. An invalid id that a lax server accepts must not update or delete a seeded user.
 */
export function cannotNameARow(text: unknown): boolean {
  if (typeof text !== 'string') return true;
  const runs = text.match(/\p{Nd}+/gu) ?? [];
  return runs.every((run) => /^[0-9]+$/.test(run) && (/^0+$/.test(run) || BigInt(run) >= 100_000_000n));
}

/** Integer text that some parsers read as a number and zod does not: the contract does not settle these. */
const BORDERLINE_INTEGER_TEXT = ['+5', ' 5', '5 ', '\t5', '1.0', '1_0', '٥', '５', '0005', '-0'];

/** Percent-encoded bytes that are no UTF-8: overlong, surrogate, truncated sequences. */
const INVALID_UTF8 = ['%FF', '%C0%80', '%ED%A0%80', '%E2%82', 'a%FEb'];

type Labelled<T> = { value: T; label: string };

function shapeOf(object: z.ZodObject | undefined): Record<string, z.ZodType> {
  return (object?.shape ?? {}) as Record<string, z.ZodType>;
}

function isIntegerParam(schema: z.ZodType): boolean {
  return schema.safeParse('7').success && !schema.safeParse('x').success;
}

/** A path segment that still routes to the same template: not empty, no slash, not `.`/`..`. */
function routable(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !/[/\\]/.test(value) && !/^\.+$/.test(value);
}

function validParam(def: EndpointDef, key: string, schema: z.ZodType, ctx: GenerationContext): fc.Arbitrary<UrlText | undefined> {
  if (ROW_MUTATING[def.id] === key) {
    return fc.constantFrom(...ctx.ownedUserIds.map(String), ...UNKNOWN_IDS);
  }
  return validArbitrary(schema, 'text') as fc.Arbitrary<string | undefined>;
}

function edgeParam(schema: z.ZodType, rowMutating: boolean): fc.Arbitrary<UrlText> {
  const raw = fc.constantFrom(...INVALID_UTF8).map((r): UrlText => ({ raw: r }));
  if (isIntegerParam(schema)) return fc.oneof(fc.constantFrom(...(rowMutating ? BORDERLINE_UNKNOWN_ID : BORDERLINE_INTEGER_TEXT)), raw);
  return raw;
}

function authHeaders(): fc.Arbitrary<Labelled<Record<string, string>>> {
  const printable = fc.stringMatching(/^[\x21-\x7e]{0,64}$/);
  return fc.oneof(
    fc.constant({ value: {}, label: 'no Authorization header' }),
    printable.map((t) => ({ value: { authorization: `Bearer ${t}` }, label: 'Authorization: Bearer <random>' })),
    printable.map((t) => ({ value: { authorization: t }, label: 'Authorization: <random>' })),
    fc
      .constantFrom('Bearer', 'Bearer ', 'bearer abcdefghijkl', 'Basic dXNlcjpwYXNz', 'Bearer a.b.c', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.')
      .map((h) => ({
        value: { authorization: h },
        label: `Authorization: ${h}`,
      })),
    fc.integer({ min: 1000, max: 6000 }).map((n) => ({ value: { authorization: `Bearer ${'t'.repeat(n)}` }, label: `Authorization: Bearer <${n} chars>` })),
  );
}

interface Parts {
  params: Record<string, UrlText>;
  query: Record<string, UrlText | undefined>;
  body: Labelled<BodyInput> | undefined;
  headers: Labelled<Record<string, string>>;
}

/** Valid inputs of one endpoint, and how to turn inputs into a request with its expectation. */
function endpointParts(def: EndpointDef, ctx: GenerationContext) {
  const pathShape = shapeOf(def.params);
  const queryShape = shapeOf(def.query);
  const validPath = fc.record(Object.fromEntries(Object.entries(pathShape).map(([k, s]) => [k, validParam(def, k, s, ctx).filter(routable)]))) as fc.Arbitrary<
    Record<string, UrlText>
  >;
  const validQuery = fc.record(Object.fromEntries(Object.entries(queryShape).map(([k, s]) => [k, validParam(def, k, s, ctx)])));
  const validBody: fc.Arbitrary<Labelled<BodyInput> | undefined> = def.body
    ? validArbitrary(def.body, 'json').map((value) => ({ value: { kind: 'json', value } as BodyInput, label: 'valid body' }))
    : def.multipart
      ? validMultipart(multipartField(def)).map(({ body, label }) => ({ value: body, label }))
      : fc.constant(undefined);
  const headers = def.auth === 'bearer' ? authHeaders() : fc.constant({ value: {}, label: '' });
  const valid = fc.record({ params: validPath, query: validQuery, body: validBody, headers });

  const build = (parts: Parts, label: string, extra: Partial<EndpointInputs> = {}) =>
    endpointRequest(def, {
      params: parts.params,
      query: parts.query,
      ...(parts.body ? { body: parts.body.value } : {}),
      headers: parts.headers.value,
      label: [label, parts.body?.label, parts.headers.label].filter(Boolean).join('; '),
      ...extra,
    });
  return { valid, build, pathShape, queryShape };
}

/**
 * The requests of one endpoint, derived from its zod schemas: valid inputs (boundaries included),
 * one invalid path or query parameter, borderline parameter text, malformed and unusual JSON or
 * multipart bodies, and Authorization headers for bearer endpoints. Each carries its expectation.
 */
export function endpointArbitrary(def: EndpointDef, ctx: GenerationContext): fc.Arbitrary<FuzzRequest> {
  const { valid, build, pathShape, queryShape } = endpointParts(def, ctx);
  const cases: Array<{ weight: number; arbitrary: fc.Arbitrary<FuzzRequest> }> = [
    { weight: 12, arbitrary: valid.map((p) => build(p, 'valid')) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          valid,
          fc.stringMatching(/^[a-z_]{1,8}$/).filter((k) => !(k in queryShape)),
        )
        .map(([p, k]) => build({ ...p, query: { ...p.query, [k]: 'x' } }, `valid, unknown query parameter ${k}`)),
    },
  ];
  const params = [
    ...Object.entries(pathShape).map(([k, s]) => ({ where: 'path' as const, key: k, schema: s })),
    ...Object.entries(queryShape).map(([k, s]) => ({ where: 'query' as const, key: k, schema: s })),
  ];
  for (const { where, key, schema } of params) {
    const rowMutating = ROW_MUTATING[def.id] === key;
    const anyBad = invalidArbitrary(schema, 'text');
    const bad = anyBad && rowMutating ? anyBad.filter(cannotNameARow) : anyBad;
    if (bad) {
      const value = where === 'path' ? bad.filter(routable) : bad;
      cases.push({
        weight: Math.max(1, Math.round(9 / params.length)),
        arbitrary: fc
          .tuple(valid, value)
          .map(([p, v]) =>
            build(
              where === 'path' ? { ...p, params: { ...p.params, [key]: v as string } } : { ...p, query: { ...p.query, [key]: v as string | undefined } },
              `${where} ${key}: invalid`,
            ),
          ),
      });
    }
    cases.push({
      weight: Math.max(1, Math.round(3 / params.length)),
      arbitrary: fc
        .tuple(valid, edgeParam(schema, rowMutating))
        .map(([p, v]) =>
          build(
            where === 'path' ? { ...p, params: { ...p.params, [key]: v } } : { ...p, query: { ...p.query, [key]: v } },
            `${where} ${key}: borderline text`,
            { lenient: true },
          ),
        ),
    });
  }
  if (def.body) {
    cases.push({
      weight: 12,
      arbitrary: fc.tuple(valid, malformedJsonBody(def.body)).map(([p, b]) => build({ ...p, body: { value: b.body, label: b.label } }, 'malformed body')),
    });
    const large = def.body instanceof z.ZodObject ? largeJsonBody(def.body) : null;
    if (large)
      cases.push({ weight: 3, arbitrary: fc.tuple(valid, large).map(([p, b]) => build({ ...p, body: { value: b.body, label: b.label } }, 'large body')) });
  }
  if (def.multipart) {
    cases.push({
      weight: 12,
      arbitrary: fc
        .tuple(valid, malformedMultipart(multipartField(def)))
        .map(([p, b]) => build({ ...p, body: { value: b.body, label: b.label } }, 'malformed upload')),
    });
  }
  return fc.oneof(...cases);
}

function multipartField(def: EndpointDef): string {
  return Object.entries(def.multipart?.fields ?? {}).find(([, kind]) => kind === 'file')?.[0] ?? 'file';
}

/**
 * For each endpoint with a body, one request per kind of malformed body (truncated JSON, raw NUL,
 * deep nesting, huge numbers, no file part…), the other inputs valid: every kind reaches every
 * such endpoint, however the sampling falls. Deterministic for a seed.
 */
export function bodyCatalogue(endpoints: readonly EndpointDef[], ctx: GenerationContext, seed: number): FuzzRequest[] {
  return endpoints.flatMap((def) => {
    const cases = def.body ? malformedJsonBodyCases(def.body) : def.multipart ? malformedMultipartCases(multipartField(def)) : [];
    if (cases.length === 0) return [];
    const { valid, build } = endpointParts(def, ctx);
    return cases.map((c, i) => {
      const arb = fc
        .tuple(valid, c)
        .map(([p, b]) => build({ ...p, body: { value: b.body, label: b.label } }, def.body ? 'malformed body' : 'malformed upload'));
      return fc.sample(arb, { seed: (seed ^ hash32(`${def.id}#${i}`)) | 0, numRuns: 1 })[0]!;
    });
  });
}

/**
 * The unserved-method requests of the paths of `selected`, as one arbitrary. `all` is every
 * endpoint the server serves: what a path serves is read from all of them.
 */
export function methodArbitrary(selected: readonly EndpointDef[], all: readonly EndpointDef[]): fc.Arbitrary<FuzzRequest> | null {
  const requests = pathTable(all)
    .filter((p) => selected.some((e) => e.path === p.template))
    .flatMap((p) => methodRequests(p, all));
  return requests.length ? fc.constantFrom(...requests) : null;
}

/** A 32-bit hash of `text` (FNV-1a): per-endpoint seeds that do not depend on which endpoints are selected. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Share of the generated requests that probe unserved methods. */
export const METHOD_SHARE = 1 / 8;

/**
 * `count` generated requests for `endpoints` (`all`: every endpoint the server serves): first the
 * `bodyCatalogue`, then round-robin (every endpoint gets its first request before any gets its
 * second, so a run cut short by its time budget still covers them all), one unserved-method
 * request in every `1 / METHOD_SHARE`. Deterministic for a seed: each endpoint's stream is seeded
 * from the seed and its id.
 */
export function planRequests(
  endpoints: readonly EndpointDef[],
  all: readonly EndpointDef[],
  ctx: GenerationContext,
  seed: number,
  count: number,
): FuzzRequest[] {
  if (count <= 0 || endpoints.length === 0) return [];
  const catalogue = bodyCatalogue(endpoints, ctx, seed).slice(0, count);
  const rest = count - catalogue.length;
  const methods = methodArbitrary(endpoints, all);
  const methodCount = methods ? Math.round(rest * METHOD_SHARE) : 0;
  const rounds = Math.ceil((rest - methodCount) / endpoints.length);
  const streams = endpoints.map((e) => fc.sample(endpointArbitrary(e, ctx), { seed: (seed ^ hash32(e.id)) | 0, numRuns: rounds }));
  const methodStream = methods ? fc.sample(methods, { seed: (seed ^ hash32('methods')) | 0, numRuns: Math.max(1, methodCount) }) : [];
  const plan: FuzzRequest[] = [...catalogue];
  const every = methods ? Math.round(1 / METHOD_SHARE) : Infinity;
  let m = 0;
  for (let r = 0; r < rounds && plan.length < count; r++) {
    for (const stream of streams) {
      if ((plan.length - catalogue.length) % every === every - 1 && m < methodStream.length) plan.push(methodStream[m++]!);
      plan.push(stream[r]!);
      if (plan.length >= count) break;
    }
  }
  return plan.slice(0, count);
}
