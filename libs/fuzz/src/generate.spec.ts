import { describe, expect, it } from 'vitest';
import { endpointById, endpoints } from '@lab/contract';
import { encodeUrlText, endpointRequest, expectationOf } from './fuzz-request';
import { bodyCatalogue, cannotNameARow, planRequests, UNKNOWN_IDS } from './generate';
import { allowedStatuses } from './judge';
import { allowProblem, methodRequests, pathTable } from './methods';
import { regressionRequests } from './regressions';

describe('planRequests', () => {
  const plan = planRequests(endpoints, endpoints, { ownedUserIds: [1001, 1002] }, 42, 600);

  it('is deterministic for a seed and differs for another', () => {
    const again = planRequests(endpoints, endpoints, { ownedUserIds: [1001, 1002] }, 42, 600);
    expect(again.map((r) => `${r.method} ${r.path}`)).toEqual(plan.map((r) => `${r.method} ${r.path}`));
    const other = planRequests(endpoints, endpoints, { ownedUserIds: [1001, 1002] }, 43, 600);
    expect(other.map((r) => r.path)).not.toEqual(plan.map((r) => r.path));
  });

  it('starts with every kind of malformed body for every endpoint that takes one', () => {
    const catalogue = bodyCatalogue(endpoints, { ownedUserIds: [] }, 42);
    expect(plan.slice(0, catalogue.length).map((r) => r.label)).toEqual(catalogue.map((r) => r.label));
    for (const id of ['echo', 'users.create', 'users.update']) {
      const labels = catalogue
        .filter((r) => r.endpoint === id)
        .map((r) => r.label)
        .join('\n');
      for (const kind of ['truncated JSON', 'raw NUL byte', 'levels of nesting', 'huge number', 'invalid UTF-8', 'schema-invalid JSON'])
        expect(labels, `${id}: ${kind}`).toContain(kind);
    }
    const uploads = catalogue
      .filter((r) => r.endpoint === 'upload')
      .map((r) => r.label)
      .join('\n');
    for (const kind of ['only a part with another name', 'no parts at all', 'no boundary parameter', 'as a text field']) expect(uploads, kind).toContain(kind);
  });

  it('covers every endpoint in the first round, and every kind of expectation', () => {
    const start = bodyCatalogue(endpoints, { ownedUserIds: [] }, 42).length;
    const firstRound = new Set(plan.slice(start, start + 70).map((r) => r.endpoint));
    for (const e of endpoints) expect(firstRound, e.id).toContain(e.id);
    expect(new Set(plan.map((r) => r.expect))).toEqual(new Set(['valid', 'invalid', 'invalid-body', 'lenient', 'method']));
  });

  it('updates and deletes only owned users or ids that do not exist', () => {
    const allowed = new Set(['1001', '1002', ...UNKNOWN_IDS]);
    for (const r of plan.filter((r) => (r.endpoint === 'users.update' || r.endpoint === 'users.delete') && r.expect === 'valid')) {
      expect(allowed).toContain(r.path.split('?')[0]!.split('/')[2]);
    }
  });

  it('sends row-mutating endpoints no invalid id that a lax parser could read as an existing row', () => {
    const many = planRequests([endpointById('users.delete'), endpointById('users.update')], endpoints, { ownedUserIds: [] }, 5, 400);
    const ids = many
      .filter((r) => r.expect !== 'method')
      .map((r) =>
        r.path
          .split('?')[0]!
          .split('/')[2]!
          .replace(/%([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      );
    expect(ids.length).toBeGreaterThan(300);
    for (const id of ids.filter((i) => /^[\x00-\x7f]*$/.test(i))) expect(cannotNameARow(id), JSON.stringify(id)).toBe(true);
    expect(cannotNameARow('0005')).toBe(false);
    expect(cannotNameARow('1.5')).toBe(false);
    expect(cannotNameARow('1e3')).toBe(false);
    expect(cannotNameARow('٥')).toBe(false);
    expect(cannotNameARow('2147483648')).toBe(true);
    expect(cannotNameARow('-0')).toBe(true);
  });

  it("keeps the fuzzed endpoints to the selection, the paths' methods from the whole API", () => {
    const get = endpointById('users.get');
    const some = planRequests([get], endpoints, { ownedUserIds: [] }, 1, 80);
    expect(new Set(some.map((r) => r.template))).toEqual(new Set(['/users/{id}']));
    expect(some.filter((r) => r.expect === 'method').map((r) => r.method)).not.toContain('PUT');
  });
});

describe('expectations', () => {
  const fib = endpointById('cpu.fibonacci');

  it('judges inputs with the zod schemas', () => {
    expect(expectationOf(fib, { query: { n: '30' }, label: '' })).toBe('valid');
    expect(expectationOf(fib, { query: { n: '39' }, label: '' })).toBe('invalid');
    expect(expectationOf(fib, { query: { n: { raw: '%FF' } }, label: '' })).toBe('lenient');
    const echo = endpointById('echo');
    expect(expectationOf(echo, { body: { kind: 'json', value: { message: 'x' } }, label: '' })).toBe('valid');
    expect(
      expectationOf(echo, { body: { kind: 'raw', bytes: Buffer.from('{"message":'), contentType: 'application/json', verdict: 'check' }, label: '' }),
    ).toBe('invalid-body');
    expect(expectationOf(echo, { label: '' })).toBe('invalid-body');
    const huge = (text: string) => ({ kind: 'raw' as const, bytes: Buffer.from(text), contentType: 'application/json', verdict: 'check-or-lenient' as const });
    expect(expectationOf(echo, { body: huge('{"message":1e400}'), label: '' })).toBe('invalid-body');
    expect(expectationOf(endpointById('users.update'), { params: { id: '5' }, body: huge('{"zz":1e400}'), label: '' })).toBe('lenient');
  });

  it('allows documented statuses only: 422 for invalid input, never 422 for valid input', () => {
    const get = endpointById('users.get');
    const req = (inputs: Parameters<typeof endpointRequest>[1]) => endpointRequest(get, inputs);
    expect(allowedStatuses(req({ params: { id: '5' }, label: '' }), get)).toEqual([200, 404]);
    expect(allowedStatuses(req({ params: { id: '0' }, label: '' }), get)).toEqual([422]);
    const update = endpointById('users.update');
    const badBody = endpointRequest(update, { params: { id: '5' }, body: { kind: 'json', value: { name: '' } }, label: '' });
    expect(allowedStatuses(badBody, update)).toEqual([404, 422]);
  });

  it('percent-encodes URL text as UTF-8 and passes raw text through', () => {
    expect(encodeUrlText('a b+/\u0000é')).toBe('a%20b%2B%2F%00%C3%A9');
    expect(encodeUrlText({ raw: '%FF' })).toBe('%FF');
  });
});

describe('unserved methods', () => {
  const paths = pathTable(endpoints);

  it('knows what each path serves', () => {
    expect(paths.find((p) => p.template === '/users/{id}')?.methods).toEqual(['DELETE', 'GET', 'PUT']);
    expect(paths.find((p) => p.template === '/users')?.methods).toEqual(['GET', 'POST']);
  });

  it('does not probe a method another endpoint serves on the same concrete path', () => {
    const offset = paths.find((p) => p.template === '/users/offset')!;
    const methods = methodRequests(offset, endpoints).map((r) => r.method);
    expect(methods).not.toContain('DELETE');
    expect(methods).toContain('TRACE');
  });

  it('accepts exactly the served methods in Allow, HEAD beside GET and OPTIONS tolerated', () => {
    expect(allowProblem('GET, PUT, DELETE', ['DELETE', 'GET', 'PUT'])).toBeNull();
    expect(allowProblem('GET, HEAD, OPTIONS, PUT, DELETE', ['DELETE', 'GET', 'PUT'])).toBeNull();
    expect(allowProblem('GET', ['DELETE', 'GET', 'PUT'])).toMatch(/missing DELETE, PUT/);
    expect(allowProblem('POST, HEAD', ['POST'])).toMatch(/not served: HEAD/);
    expect(allowProblem(null, ['GET'])).toMatch(/no Allow header/);
  });
});

describe('regression cases', () => {
  const cases = regressionRequests(endpoints, endpoints, 1001);

  it('are all there, marked, with the expected verdicts', () => {
    expect(cases.every((c) => c.regression)).toBe(true);
    const find = (method: string, path: string) => cases.find((c) => c.method === method && c.path === path);
    expect(find('GET', '/cache/users/4398046511105/cached')?.expect).toBe('invalid');
    expect(find('GET', '/users/cursor?cursor=9544203041')?.expect).toBe('invalid');
    expect(find('GET', '/n-plus-one/eager?offset=1124773556684887293952')?.expect).toBe('invalid');
    expect(find('POST', '/transactions/decrement/pessimistic?product_id=3&quantity=-2147483647')?.expect).toBe('invalid');
    expect(find('GET', '/cpu/fibonacci?n=39')?.expect).toBe('invalid');
    expect(find('GET', '/search/fulltext?q=%00')?.expect).toBe('invalid');
    expect(cases.filter((c) => c.endpoint === 'upload').every((c) => c.expect === 'invalid-body')).toBe(true);
    expect(cases.filter((c) => c.template === '/users/{id}' && c.method === 'PUT').every((c) => c.expect === 'invalid-body')).toBe(true);
    for (const m of ['TRACE', 'QUERY', 'OPTIONS'])
      expect(
        cases.some((c) => c.method === m && c.expect === 'method'),
        m,
      ).toBe(true);
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });
});
