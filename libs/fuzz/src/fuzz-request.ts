import type { EndpointDef } from '@lab/contract';

/**
 * What the contract demands of the answer to a request:
 * - `valid`: every input is valid: a documented status other than 422;
 * - `invalid`: a path or query parameter is invalid: 422;
 * - `invalid-body`: only the body is invalid: 422, or 404 when the endpoint documents it (an
 *   unknown id may be noticed before the body);
 * - `lenient`: an edge case the contract does not settle (invalid UTF-8, `+5` as an integer, a
 *   truncated multipart body…): any documented status;
 * - `method`: a method the path does not serve: 405 with an `Allow` header (`OPTIONS`: 200/204 too).
 * Whatever the expectation: never 5xx, never a timeout or a dropped connection, and the body of a
 * documented status matches its schema.
 */
export type Expectation = 'valid' | 'invalid' | 'invalid-body' | 'lenient' | 'method';

/** One request of the fuzz stage, exactly as it is sent. */
export interface FuzzRequest {
  method: string;
  /** Path and query string as sent (percent-encoded), e.g. `/users/cursor?cursor=9544203041`. */
  path: string;
  headers: Record<string, string>;
  /** Body bytes, when there is a body. */
  body?: Uint8Array;
  /** Id of the endpoint serving this method and path; null for a method the path does not serve. */
  endpoint: string | null;
  /** The path template, e.g. `/users/{id}`. */
  template: string;
  expect: Expectation;
  /** What the request tries, e.g. `query cursor: invalid`. */
  label: string;
  /** An explicit regression case: sent on every run, whatever the budget. */
  regression?: boolean;
}

/**
 * A URL parameter value: decoded text (percent-encoded as UTF-8 when sent), or `raw` text sent
 * as it is (e.g. `%FF`: bytes that are no UTF-8, whose decoded value the contract does not settle).
 */
export type UrlText = string | { raw: string };

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** Percent-encodes text as UTF-8 (every byte outside the unreserved set); `raw` values pass as they are. */
export function encodeUrlText(value: UrlText): string {
  if (typeof value !== 'string') return value.raw;
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `template` with its `{name}` placeholders filled with encoded values. */
export function fillTemplate(template: string, params: Record<string, UrlText>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${template}`);
    return encodeUrlText(value);
  });
}

/** `?a=1&b=2` from the defined entries, in insertion order; empty when none. */
export function queryText(query: Record<string, UrlText | undefined>): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, UrlText] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeUrlText(k)}=${encodeUrlText(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** How a body was built, and therefore how to judge it. */
export type BodyInput =
  /** A JSON value, serialised with `JSON.stringify`; `undefined` = no body at all. */
  | { kind: 'json'; value: unknown }
  /**
   * Raw bytes: `check` = judged by decoding (UTF-8, fatal) and `JSON.parse`, then the schema;
   * `check-or-lenient` = the same, but a body the schema accepts is an edge case (a huge number or
   * deep nesting under a key the schema ignores); `invalid`/`lenient`/`valid` = the builder knows.
   */
  | { kind: 'raw'; bytes: Uint8Array; contentType: string | null; verdict: 'check' | 'check-or-lenient' | 'valid' | 'invalid' | 'lenient' };

/** The inputs of one request to an endpoint, before encoding. */
export interface EndpointInputs {
  params?: Record<string, UrlText>;
  query?: Record<string, UrlText | undefined>;
  body?: BodyInput;
  headers?: Record<string, string>;
  /** Marks the inputs as an edge case the contract does not settle (see `Expectation`). */
  lenient?: boolean;
  label: string;
}

type Verdict = 'valid' | 'invalid' | 'lenient';

function paramsVerdict(schema: EndpointDef['params'] | EndpointDef['query'], values: Record<string, UrlText | undefined> | undefined): Verdict {
  const entries = Object.entries(values ?? {}).filter((e): e is [string, UrlText] => e[1] !== undefined);
  if (entries.some(([, v]) => typeof v !== 'string')) return 'lenient';
  if (!schema) return 'valid';
  return schema.safeParse(Object.fromEntries(entries)).success ? 'valid' : 'invalid';
}

function parseJsonStrictly(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)) };
  } catch {
    return { ok: false };
  }
}

function bodyVerdict(def: EndpointDef, body: BodyInput | undefined): Verdict {
  if (body?.kind === 'raw' && (body.verdict === 'valid' || body.verdict === 'invalid' || body.verdict === 'lenient')) return body.verdict;
  if (!def.body) return 'valid';
  if (body === undefined || (body.kind === 'json' && body.value === undefined)) return 'invalid';
  let value: unknown;
  if (body.kind === 'json') {
    value = JSON.parse(JSON.stringify(body.value)) as unknown;
  } else {
    if (body.contentType !== 'application/json') return 'lenient';
    const parsed = parseJsonStrictly(body.bytes);
    if (!parsed.ok) return 'invalid';
    value = parsed.value;
  }
  if (!def.body.safeParse(value).success) return 'invalid';
  return body.kind === 'raw' && body.verdict === 'check-or-lenient' ? 'lenient' : 'valid';
}

/** The expectation for `inputs` sent to `def`, judged with the contract's zod schemas. */
export function expectationOf(def: EndpointDef, inputs: EndpointInputs): Expectation {
  const verdicts = [paramsVerdict(def.params, inputs.params), paramsVerdict(def.query, inputs.query)];
  const body = bodyVerdict(def, inputs.body);
  if (inputs.lenient || verdicts.includes('lenient') || body === 'lenient') return 'lenient';
  if (verdicts.includes('invalid')) return 'invalid';
  return body === 'invalid' ? 'invalid-body' : 'valid';
}

/** The request that sends `inputs` to `def`, with its expectation. */
export function endpointRequest(def: EndpointDef, inputs: EndpointInputs): FuzzRequest {
  const headers: Record<string, string> = { ...inputs.headers };
  let body: Uint8Array | undefined;
  if (inputs.body?.kind === 'json' && inputs.body.value !== undefined) {
    body = Buffer.from(JSON.stringify(inputs.body.value), 'utf8');
    headers['content-type'] ??= 'application/json';
  } else if (inputs.body?.kind === 'raw') {
    body = inputs.body.bytes;
    if (inputs.body.contentType !== null) headers['content-type'] ??= inputs.body.contentType;
  }
  return {
    method: def.method,
    path: fillTemplate(def.path, inputs.params ?? {}) + queryText(inputs.query ?? {}),
    headers,
    ...(body ? { body } : {}),
    endpoint: def.id,
    template: def.path,
    expect: expectationOf(def, inputs),
    label: inputs.label,
  };
}
