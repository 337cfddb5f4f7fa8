import { describe, expect, it } from 'vitest';
import { endpointById, endpoints } from '@lab/contract';
import { endpointRequest } from './fuzz-request';
import { judgeReply } from './judge';
import { acceptedAllowSets, methodRequests, pathTable } from './methods';

const get = endpointById('users.get');
const user = { id: 5, name: 'a', email: 'a@b', created_at: '2025-01-01T00:00:00' };
const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers,
  bodyText: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
});

describe('judgeReply', () => {
  const valid = endpointRequest(get, { params: { id: '5' }, label: 'valid' });
  const invalid = endpointRequest(get, { params: { id: '4398046511105' }, label: 'too big' });

  it('accepts documented answers whose bodies match', () => {
    expect(judgeReply(valid, get, [['GET']], reply(200, user))).toEqual([]);
    expect(judgeReply(valid, get, [['GET']], reply(404, { detail: 'User not found' }))).toEqual([]);
    expect(judgeReply(invalid, get, [['GET']], reply(422, { detail: [{ loc: ['path', 'id'] }] }))).toEqual([]);
  });

  it('flags 5xx, undocumented or unexpected statuses, and bodies off the schema', () => {
    expect(judgeReply(invalid, get, [['GET']], reply(500, 'boom'))[0]?.kind).toBe('server-error');
    expect(judgeReply(invalid, get, [['GET']], reply(404, { detail: 'User not found' }))[0]?.kind).toBe('status');
    expect(judgeReply(valid, get, [['GET']], reply(422, { detail: 'no' }))[0]?.kind).toBe('status');
    expect(judgeReply(valid, get, [['GET']], reply(400, { detail: 'no' }))[0]?.kind).toBe('status');
    expect(judgeReply(valid, get, [['GET']], reply(200, { ...user, createdAt: 'x' }))[0]?.kind).toBe('body');
    expect(judgeReply(valid, get, [['GET']], reply(200, 'Infinity'))[0]?.problem).toMatch(/not JSON/);
  });

  it('wants 405 with the exact Allow header and body for an unserved method (OPTIONS: 200/204 too)', () => {
    const path = pathTable([get, endpointById('users.update'), endpointById('users.delete')])[0]!;
    const [trace] = methodRequests(path, [get]).filter((r) => r.method === 'TRACE');
    const options = methodRequests(path, [get]).find((r) => r.method === 'OPTIONS')!;
    const served = [['DELETE', 'GET', 'PUT']];
    const notAllowed = { detail: 'Method Not Allowed' };
    expect(judgeReply(trace!, undefined, served, reply(405, notAllowed, { allow: 'GET, PUT, DELETE' }))).toEqual([]);
    expect(judgeReply(trace!, undefined, served, reply(405, notAllowed))[0]?.kind).toBe('allow');
    expect(judgeReply(trace!, undefined, served, reply(405, { detail: 'nope' }, { allow: 'GET, PUT, DELETE' }))[0]?.kind).toBe('body');
    expect(judgeReply(trace!, undefined, served, reply(404, { detail: 'Not Found' }))[0]?.kind).toBe('status');
    expect(judgeReply(options, undefined, served, reply(204, undefined, { allow: 'GET,HEAD,PUT,DELETE,OPTIONS' }))).toEqual([]);
    expect(judgeReply(options, undefined, served, reply(200, '', { allow: 'GET' }))[0]?.kind).toBe('allow');
  });

  it('lets the HTTP parser refuse an unregistered method token with 400, but never a registered one', () => {
    const path = pathTable([get, endpointById('users.update'), endpointById('users.delete')])[0]!;
    const fuzz = methodRequests(path, [get]).find((r) => r.method === 'FUZZ')!;
    const trace = methodRequests(path, [get]).find((r) => r.method === 'TRACE')!;
    const served = [['DELETE', 'GET', 'PUT']];
    expect(judgeReply(fuzz, undefined, served, reply(400, 'Bad Request'))).toEqual([]);
    expect(judgeReply(trace, undefined, served, reply(400, 'Bad Request'))[0]?.kind).toBe('status');
    expect(judgeReply(fuzz, undefined, served, reply(500, 'boom'))[0]?.kind).toBe('server-error');
  });

  it('accepts either Allow list of a path that another template also matches', () => {
    const sets = acceptedAllowSets(endpoints, '/users/offset', '/users/offset');
    expect(sets).toEqual([['GET'], ['DELETE', 'GET', 'PUT']]);
    const [query] = methodRequests(pathTable(endpoints).find((p) => p.template === '/users/offset')!, endpoints).filter((r) => r.method === 'QUERY');
    const notAllowed = { detail: 'Method Not Allowed' };
    expect(judgeReply(query!, undefined, sets, reply(405, notAllowed, { allow: 'GET, HEAD' }))).toEqual([]);
    expect(judgeReply(query!, undefined, sets, reply(405, notAllowed, { allow: 'GET, PUT, HEAD, DELETE' }))).toEqual([]);
    expect(judgeReply(query!, undefined, sets, reply(405, notAllowed, { allow: 'GET, PUT' }))[0]?.kind).toBe('allow');
  });
});
