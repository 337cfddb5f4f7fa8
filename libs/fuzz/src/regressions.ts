import type { EndpointDef } from '@lab/contract';
import { multipartBytes } from './bodies';
import { endpointRequest, type EndpointInputs, type FuzzRequest } from './fuzz-request';
import { methodRequests, pathTable } from './methods';

/** A fixed case: an endpoint id and its inputs, or a method probe on a path. */
type RegressionCase = { endpoint: string; inputs: EndpointInputs } | { method: string; template: string };

const json = (text: string) => ({ kind: 'raw' as const, bytes: Buffer.from(text, 'utf8'), contentType: 'application/json', verdict: 'check' as const });
const multipart = (boundary: string, parts: Parameters<typeof multipartBytes>[1]) => ({
  kind: 'raw' as const,
  bytes: multipartBytes(boundary, parts),
  contentType: `multipart/form-data; boundary=${boundary}`,
  verdict: 'invalid' as const,
});

/**
 * Failures an off-the-shelf OpenAPI fuzzer found in the implementations, kept as fixed cases that
 * run on every fuzz stage before the generated ones. `userId` is a user the stage owns (or a
 * seeded id when it owns none: an invalid JSON body must not change anything).
 */
function cases(userId: number): RegressionCase[] {
  return [
    { endpoint: 'cache.users.cached', inputs: { params: { id: '4398046511105' }, label: 'id beyond int4' } },
    { endpoint: 'users.cursor', inputs: { query: { cursor: '9544203041' }, label: 'cursor beyond int4' } },
    { endpoint: 'n-plus-one.eager', inputs: { query: { offset: '1124773556684887293952' }, label: 'offset beyond int64' } },
    { endpoint: 'transactions.decrement.pessimistic', inputs: { query: { product_id: '3', quantity: '-2147483647' }, label: 'negative quantity' } },
    { endpoint: 'auth.login.jwt', inputs: { query: { user_id: '4398046511105' }, label: 'user_id beyond int4' } },
    { endpoint: 'auth.login.jwt', inputs: { query: { user_id: '99999999999999999999999' }, label: 'user_id beyond int64' } },
    { endpoint: 'auth.login.session', inputs: { query: { user_id: '4398046511105' }, label: 'user_id beyond int4' } },
    { endpoint: 'auth.login.session', inputs: { query: { user_id: '99999999999999999999999' }, label: 'user_id beyond int64' } },
    { endpoint: 'echo', inputs: { body: json('{"message": "hi", "data": {'), label: 'body: truncated JSON' } },
    { endpoint: 'echo', inputs: { body: json("{'message': 'hi'}"), label: 'body: not JSON (single quotes)' } },
    { endpoint: 'users.update', inputs: { params: { id: String(userId) }, body: json('{"name": "x"'), label: 'body: truncated JSON' } },
    { endpoint: 'users.update', inputs: { params: { id: String(userId) }, body: json('name=x'), label: 'body: not JSON' } },
    {
      endpoint: 'upload',
      inputs: { body: multipart('fuzzBoundary1', [{ name: 'other', filename: 'a.txt', data: Buffer.from('hello') }]), label: 'multipart: no file part' },
    },
    {
      endpoint: 'upload',
      inputs: { body: multipart('fuzzBoundary2', [{ name: 'file', data: Buffer.from('hello') }]), label: 'multipart: file as a text field' },
    },
    { endpoint: 'upload', inputs: { body: multipart('fuzzBoundary3', []), label: 'multipart: no parts at all' } },
    { endpoint: 'search.fulltext', inputs: { query: { q: '\u0000' }, label: 'NUL in q' } },
    { endpoint: 'search.fulltext', inputs: { query: { q: 'a\u0000b' }, label: 'NUL in q' } },
    { endpoint: 'search.like', inputs: { query: { q: 'a\u0000b' }, label: 'NUL in q' } },
    { endpoint: 'cpu.fibonacci', inputs: { query: { n: '39' }, label: 'n above the contract maximum of 30' } },
    { method: 'TRACE', template: '/health' },
    { method: 'TRACE', template: '/users/{id}' },
    { method: 'QUERY', template: '/users' },
    { method: 'QUERY', template: '/cpu/fibonacci' },
    { method: 'OPTIONS', template: '/users/{id}' },
    { method: 'OPTIONS', template: '/echo' },
    { method: 'PUT', template: '/health' },
    { method: 'POST', template: '/users/{id}' },
  ];
}

/**
 * The regression requests whose endpoints (or paths) are among `endpoints` (`all`: every endpoint
 * the server serves), each with its expectation judged like any generated request and `regression: true`.
 */
export function regressionRequests(endpoints: readonly EndpointDef[], all: readonly EndpointDef[], userId: number): FuzzRequest[] {
  const byId = new Map(endpoints.map((e) => [e.id, e]));
  const paths = pathTable(all).filter((p) => endpoints.some((e) => e.path === p.template));
  const out: FuzzRequest[] = [];
  for (const c of cases(userId)) {
    if ('endpoint' in c) {
      const def = byId.get(c.endpoint);
      if (def) out.push({ ...endpointRequest(def, c.inputs), regression: true });
      continue;
    }
    const path = paths.find((p) => p.template === c.template);
    const probe = path ? methodRequests(path, all).find((r) => r.method === c.method) : undefined;
    if (probe) out.push({ ...probe, regression: true });
  }
  return out;
}
