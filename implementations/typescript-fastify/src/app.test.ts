import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { buildApp } from './app.js';
import { contractRoutes } from './contract-routes.js';

/** Deps whose database and Redis throw when touched: these tests never get that far. */
function offlineDeps() {
  const unreachable = new Proxy(
    {},
    {
      get: () => {
        throw new Error('this test must not reach the database or Redis');
      },
    },
  );
  return {
    pool: unreachable as Pool,
    redis: unreachable as Redis,
    jwtSecret: 'test-secret',
    upstreamUrl: 'http://127.0.0.1:9',
    upstreamAgent: new Agent({ keepAlive: true }),
  };
}

function multipart(field: string, filename: string | undefined, data: string, boundary = 'testboundary'): { payload: string; headers: Record<string, string> } {
  const disposition = filename === undefined ? `form-data; name="${field}"` : `form-data; name="${field}"; filename="${filename}"`;
  return {
    payload: `--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: text/plain\r\n\r\n${data}\r\n--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('the Fastify app (no database)', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildApp(offlineDeps());
    await app.ready();
  });
  after(() => app.close());

  it('registers every endpoint of the contract', () => {
    assert.equal(contractRoutes.length, 60);
    for (const route of contractRoutes) {
      assert.ok(app.hasRoute({ method: route.method, url: route.url }), `${route.method} ${route.path}`);
    }
  });

  it('answers /health with Content-Length, never chunked', async () => {
    const res = await app.inject({ url: '/health' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', server: 'typescript-fastify' });
    assert.equal(res.headers['content-length'], String(res.rawPayload.length));
    assert.equal(res.headers['transfer-encoding'], undefined);
    assert.match(String(res.headers['content-type']), /^application\/json/);
  });

  it('echoes message and data, drops extra keys, and defaults data to null', async () => {
    const full = await app.inject({ method: 'POST', url: '/echo', payload: { message: 'hi', data: { a: [1] }, extra: 1 } });
    assert.deepEqual(full.json(), { message: 'hi', data: { a: [1] } });
    const bare = await app.inject({ method: 'POST', url: '/echo', payload: { message: 'only' } });
    assert.deepEqual(bare.json(), { message: 'only', data: null });
    // JSON whatever the Content-Type says, as the baseline.
    const plain = await app.inject({ method: 'POST', url: '/echo', payload: '{"message":"t"}', headers: { 'content-type': 'text/plain' } });
    assert.deepEqual(plain.json(), { message: 't', data: null });
  });

  it('rejects invalid bodies with 422 {"detail": ...} and keeps the connection open', async () => {
    for (const payload of ['{"message": "unterminated', '', 'null', '[]', '{"message": 42}', '{"message":"x","data":"s"}', '{"data":{}}', '{"message":"x"}}']) {
      const res = await app.inject({ method: 'POST', url: '/echo', payload, headers: { 'content-type': 'application/json' } });
      assert.equal(res.statusCode, 422, payload);
      assert.ok('detail' in res.json(), payload);
      assert.notEqual(res.headers['connection'], 'close', payload);
    }
    for (const payload of [
      '{"name":"","email":"a@b"}',
      '{"name":"x","email":"no-at"}',
      '{"name":5,"email":"a@b"}',
      `{"name":"${'n'.repeat(101)}","email":"a@b"}`,
      '{"name":"a\\u0000b","email":"a@b"}',
    ]) {
      const res = await app.inject({ method: 'POST', url: '/users', payload, headers: { 'content-type': 'application/json' } });
      assert.equal(res.statusCode, 422, payload);
    }
  });

  it('echoes a NUL in message: it never reaches the database', async () => {
    const res = await app.inject({ method: 'POST', url: '/echo', payload: { message: 'a\u0000b' } });
    assert.deepEqual(res.json(), { message: 'a\u0000b', data: null });
  });

  it('counts names in characters, as VARCHAR(100) does', async () => {
    // 100 astral characters are 200 UTF-16 units: valid, so the request reaches the (offline) database.
    const res = await app.inject({ method: 'PUT', url: '/users/abc', payload: { name: '😀'.repeat(100) } });
    assert.equal(res.statusCode, 422);
    assert.deepEqual(res.json().detail[0].loc, ['path', 'id']);
  });

  it('parses integer parameters strictly and within PostgreSQL integer range', async () => {
    const rejected = [
      '/users/abc',
      '/users/1.5',
      '/users/1e3',
      '/users/+5',
      '/users/0x10',
      '/users/2147483648',
      '/users/-2147483649',
      '/users/99999999999999999999999',
      '/users/offset?page=0',
      '/users/offset?size=101',
      '/users/offset?size=',
      '/users/offset?page=2147483648',
      '/users/cursor?cursor=-1',
      '/users/cursor?cursor=2147483648',
      '/users/cursor?size=1&size=2',
      '/n-plus-one/lazy?offset=2147483648',
      '/cpu/fibonacci?n=31',
      '/cpu/fibonacci?n=%2010',
      '/column-overhead/narrow?limit=1001',
      '/transactions/products/9999999999',
      '/users/0',
      '/users/-1',
      '/users/offset?page=1000001',
      '/n-plus-one/eager?offset=1000001',
      '/cache/users/0/cached',
    ];
    for (const url of rejected) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 422, url);
      assert.ok(Array.isArray(res.json().detail), url);
    }
    for (const url of [
      '/transactions/decrement/no-lock?quantity=1001',
      '/transactions/decrement/no-lock?quantity=0',
      '/transactions/decrement/pessimistic?product_id=0',
      '/transactions/decrement/optimistic?max_retries=101',
      '/auth/login/jwt?user_id=2147483648',
      '/auth/login/session?user_id=0',
      '/auth/login/jwt',
      '/bulk-operations/insert-raw?count=10001',
      '/cache/warmup?count=0',
    ]) {
      assert.equal((await app.inject({ method: 'POST', url })).statusCode, 422, url);
    }
    assert.deepEqual((await app.inject({ url: '/cpu/fibonacci?n=007' })).json(), { n: 7, result: 13 });
    assert.deepEqual((await app.inject({ url: '/cpu/fibonacci' })).json(), { n: 27, result: 196418 });
  });

  it('rejects NUL and length violations in q', async () => {
    for (const url of ['/search/like?q=a%00b', '/search/fulltext?q=%00', '/search/like', '/search/like?q=', `/search/like?q=${'x'.repeat(101)}`]) {
      assert.equal((await app.inject({ url })).statusCode, 422, url);
    }
  });

  it('answers unknown paths 404 and other methods 405 with Allow', async () => {
    const missing = await app.inject({ url: '/nope' });
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(missing.json(), { detail: 'Not Found' });
    for (const url of ['/users//1', '/Health', '/users/1/x', '/health/']) assert.equal((await app.inject({ url })).statusCode, 404, url);
    // As in Fastify's router, `/users/` is `/users/{id}` with an empty (so invalid) id.
    assert.equal((await app.inject({ url: '/users/' })).statusCode, 422);

    const cases: [string, string, string][] = [
      ['PATCH', '/users/1', 'DELETE, GET, HEAD, PUT'],
      ['PATCH', '/users/', 'DELETE, GET, HEAD, PUT'],
      ['POST', '/users/offset', 'GET, HEAD'],
      ['GET', '/echo', 'POST'],
      ['DELETE', '/users', 'GET, HEAD, POST'],
      ['OPTIONS', '/health', 'GET, HEAD'],
      ['GET', '/cache/users/5', 'DELETE'],
      ['PUT', '/cache/users/5/cached', 'GET, HEAD'],
    ];
    for (const [method, url, allow] of cases) {
      const res = await app.inject({ method: method as 'GET', url });
      assert.equal(res.statusCode, 405, `${method} ${url}`);
      assert.equal(res.headers['allow'], allow, `${method} ${url}`);
      assert.deepEqual(res.json(), { detail: 'Method Not Allowed' });
    }
    // A malformed body on an unknown path is still a 404.
    const junk = await app.inject({ method: 'POST', url: '/nope', payload: '{', headers: { 'content-type': 'application/json' } });
    assert.equal(junk.statusCode, 404);
  });

  it('maps undecodable paths to 422 on known routes and 404 elsewhere', async () => {
    assert.equal((await app.inject({ url: '/users/%zz' })).statusCode, 422);
    assert.equal((await app.inject({ url: '/nope/%zz' })).statusCode, 404);
  });

  it('answers HEAD on GET routes without a body', async () => {
    const res = await app.inject({ method: 'HEAD', url: '/health' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.payload, '');
  });

  it('ignores a body sent to an endpoint that takes none', async () => {
    const res = await app.inject({ method: 'GET', url: '/auth/public', payload: '{', headers: { 'content-type': 'application/json' } });
    assert.deepEqual(res.json(), { message: 'public endpoint', authenticated: false });
  });

  it('checks the simulated bearer token of /protected', async () => {
    const ok = await app.inject({ url: '/protected', headers: { authorization: 'Bearer test-token-12345', 'x-request-id': 'r1' } });
    assert.deepEqual(ok.json(), { message: 'Access granted', user: 'user_from_token_test-tok' });
    assert.deepEqual((await app.inject({ url: '/protected' })).json(), { detail: 'Authorization header required' });
    assert.deepEqual((await app.inject({ url: '/protected', headers: { authorization: 'Basic x' } })).json(), { detail: 'Invalid authorization format' });
    assert.deepEqual((await app.inject({ url: '/protected', headers: { authorization: 'Bearer short' } })).json(), { detail: 'Invalid token' });
  });

  it('rejects protected auth endpoints without a usable header before any lookup', async () => {
    for (const authorization of [undefined, 'Bearer ', 'Basic abc', 'bearer abc']) {
      const res = await app.inject({ url: '/auth/protected/jwt', headers: authorization === undefined ? {} : { authorization } });
      assert.deepEqual(res.json(), { detail: 'Invalid authorization header' });
    }
    const forged = await app.inject({ url: '/auth/protected/jwt', headers: { authorization: 'Bearer a.b.c' } });
    assert.deepEqual(forged.json(), { detail: 'Invalid JWT token' });
  });

  it('measures the uploaded part named file', async () => {
    const { payload, headers } = multipart('file', 'a.txt', 'x'.repeat(1024));
    const res = await app.inject({ method: 'POST', url: '/upload', payload, headers });
    assert.deepEqual(res.json(), { filename: 'a.txt', size: 1024, content_type: 'text/plain' });
  });

  it('answers 422 "No file uploaded" without a proper file part', async () => {
    const cases = [
      multipart('other', 'x.txt', 'x'),
      multipart('file', undefined, 'a text field, not a file'),
      { payload: '{"file": 1}', headers: { 'content-type': 'application/json' } },
      { payload: '', headers: {} },
      { payload: '', headers: { 'content-type': 'multipart/form-data; boundary=b' } },
    ];
    for (const { payload, headers } of cases) {
      const res = await app.inject({ method: 'POST', url: '/upload', payload, headers });
      assert.equal(res.statusCode, 422, payload);
      assert.deepEqual(res.json(), { detail: 'No file uploaded' }, payload);
    }
  });

  it('answers 422 for malformed multipart bodies', async () => {
    const truncated = multipart('file', 'a.txt', 'abc').payload.slice(0, 60);
    const cases = [
      { payload: truncated, headers: { 'content-type': 'multipart/form-data; boundary=testboundary' } },
      { payload: 'garbage', headers: { 'content-type': 'multipart/form-data' } },
      multipart('__proto__', 'a.txt', 'abc'),
    ];
    for (const { payload, headers } of cases) {
      const res = await app.inject({ method: 'POST', url: '/upload', payload, headers });
      assert.equal(res.statusCode, 422, payload);
      assert.equal(typeof res.json().detail, 'string');
    }
  });

  it('answers 413 for an upload over 1 MiB', async () => {
    const { payload, headers } = multipart('file', 'big.bin', 'x'.repeat(1024 * 1024 + 1));
    assert.equal((await app.inject({ method: 'POST', url: '/upload', payload, headers })).statusCode, 413);
  });
});

describe('the Fastify app on a socket', () => {
  let app: FastifyInstance;
  let port = 0;
  before(async () => {
    app = await buildApp(offlineDeps());
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });
  after(() => app.close());

  const raw = (text: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(text));
      let reply = '';
      socket.on('data', (chunk) => (reply += chunk.toString('latin1')));
      socket.on('close', () => resolve(reply));
      socket.on('error', reject);
    });

  it('answers malformed HTTP with a JSON 400', async () => {
    const reply = await raw('GARBAGE\r\n\r\n');
    assert.match(reply, /^HTTP\/1\.1 400 /);
    assert.match(reply, /\{"detail":"Bad Request"\}$/);
  });

  it('answers CONNECT with 405 instead of dropping the socket', async () => {
    const reply = await raw('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    assert.match(reply, /^HTTP\/1\.1 405 /);
  });

  it('keeps the connection alive after a 422 for a malformed JSON body', async () => {
    const reply = await raw(
      'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1\r\n\r\n{GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    assert.match(reply, /^HTTP\/1\.1 422 /);
    assert.match(reply, /HTTP\/1\.1 200 OK[\s\S]*"status":"ok"/);
  });
});
