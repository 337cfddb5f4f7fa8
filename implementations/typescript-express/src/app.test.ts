import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll as after, beforeAll as before, describe, it } from 'vitest';
import { connect } from 'node:net';
import { apiRouters, createApp } from './app.js';
import type { Deps } from './deps.js';
import { clientErrorListener } from './http/client-error.js';
import { MAX_JSON_DEPTH } from './http/json-body.js';
import { methodsOfPath } from './http/method-not-allowed.js';

/**
 * The Express wiring without services: every request here is answered (or rejected) before a
 * database, Redis or upstream call, so the dependencies are inert stand-ins.
 */
const deps = { prisma: {}, redis: {}, upstream: {}, upstreamUrl: 'http://127.0.0.1:9', jwtSecret: 'secret' } as unknown as Deps;

let base = '';
let close = () => {};
before(async () => {
  const routers = apiRouters(deps);
  const server = createApp(routers).listen(0, '127.0.0.1');
  server.on(
    'clientError',
    clientErrorListener((path) => methodsOfPath(routers, path)),
  );
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
after(() => {
  agent.destroy();
  close();
});

/** One kept-alive connection: a bad input must be answered on it, never end it. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** A request over `agent`, with any method (TRACE, QUERY …) and a raw body. */
function raw(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: any; socket: unknown }>((resolve, reject) => {
    const req = request(`${base}${path}`, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : undefined, socket: req.socket });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function call(path: string, init?: RequestInit) {
  const res = await fetch(base + path, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

const post = (body: string, type = 'application/json'): RequestInit => ({ method: 'POST', headers: { 'content-type': type }, body });

describe('production settings', () => {
  it("serves /health with Content-Length and Express's default weak ETag, without X-Powered-By", async () => {
    const res = await call('/health');
    assert.deepEqual(res.body, { status: 'ok', server: 'typescript-express' });
    assert.equal(res.headers.get('content-length'), String(JSON.stringify(res.body).length));
    assert.equal(res.headers.get('x-powered-by'), null);
    assert.match(res.headers.get('etag') ?? '', /^W\//);
  });

  it('answers unknown paths with 404 {detail}', async () => {
    const res = await call('/nope');
    assert.deepEqual([res.status, res.body], [404, { detail: 'Not Found' }]);
  });
});

describe('/echo', () => {
  it('rebuilds {message, data}', async () => {
    assert.deepEqual((await call('/echo', post('{"message":"hi","extra":1}'))).body, { message: 'hi', data: null });
    assert.deepEqual((await call('/echo', post('{"message":"hi","data":{"a":1}}'))).body, { message: 'hi', data: { a: 1 } });
  });

  it('answers malformed JSON, a missing message and a non-JSON body with 422', async () => {
    for (const init of [post('{"message":'), post('{"data":null}'), post('message=hi', 'text/plain')]) {
      const res = await call('/echo', init);
      assert.equal(res.status, 422);
      assert.ok('detail' in res.body);
    }
  });
});

describe('/protected', () => {
  const cases: [Record<string, string>, number, unknown][] = [
    [{}, 401, { detail: 'Authorization header required' }],
    [{ authorization: 'Basic abcdefghijkl' }, 401, { detail: 'Invalid authorization format' }],
    [{ authorization: 'Bearer short' }, 401, { detail: 'Invalid token' }],
    [{ authorization: 'Bearer test-token-123', 'x-request-id': 'r1' }, 200, { message: 'Access granted', user: 'user_from_token_test-tok' }],
  ];
  for (const [headers, status, body] of cases) {
    it(`${JSON.stringify(headers)} → ${status}`, async () => {
      const res = await call('/protected', { headers });
      assert.equal(res.status, status);
      assert.deepEqual(res.body, body);
    });
  }
});

describe('/upload', () => {
  it('echoes name, size and type of part "file"', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(3000, 'x')], { type: 'application/octet-stream' }), 'a.bin');
    assert.deepEqual((await call('/upload', { method: 'POST', body: form })).body, { filename: 'a.bin', size: 3000, content_type: 'application/octet-stream' });
  });

  it('answers a missing file part with 422 No file uploaded', async () => {
    const other = new FormData();
    other.append('other', new Blob(['x'], { type: 'text/plain' }), 'x.txt');
    for (const init of [{ method: 'POST', body: other }, post('{}')]) {
      assert.deepEqual(await call('/upload', init).then((r) => [r.status, r.body]), [422, { detail: 'No file uploaded' }]);
    }
  });
});

describe('validation before any database call', () => {
  for (const path of [
    '/users/abc',
    '/users/offset?size=0',
    '/users/cursor?cursor=-1',
    '/n-plus-one/eager?limit=101',
    '/column-overhead/wide?limit=1001',
    '/cpu/fibonacci?n=0',
    '/search/like?q=',
    '/aggregation/stats/country/orm?limit=0',
  ]) {
    it(`GET ${path} → 422`, async () => assert.equal((await call(path)).status, 422));
  }

  it('serves the CPU endpoints', async () => {
    assert.deepEqual((await call('/cpu/fibonacci?n=20')).body, { n: 20, result: 6765 });
    assert.deepEqual((await call('/cpu/json-serialize')).body, { status: 'ok', items: 10000, bytes: 782965 });
  });
});

describe('405 with Allow', () => {
  const cases: [string, string, string][] = [
    ['TRACE', '/health', 'GET, HEAD'],
    ['OPTIONS', '/health', 'GET, HEAD'],
    ['PUT', '/health', 'GET, HEAD'],
    ['QUERY', '/health', 'GET, HEAD'],
    ['DELETE', '/echo', 'POST'],
    ['PATCH', '/users', 'GET, HEAD, POST'],
    ['OPTIONS', '/users/1', 'GET, HEAD, PUT, DELETE'],
    ['GET', '/cache/users/1', 'DELETE'],
    ['POST', '/transactions/products/1', 'GET, HEAD'],
    ['GET', '/transactions/decrement/optimistic', 'POST'],
    ['PUT', '/users/offset', 'GET, HEAD'],
    ['QUERY', '/users/offset', 'GET, HEAD'],
    ['TRACE', '/users/cursor', 'GET, HEAD'],
  ];
  for (const [method, path, allow] of cases) {
    it(`${method} ${path} → 405, Allow: ${allow}`, async () => {
      const res = await raw(method, path);
      assert.deepEqual([res.status, res.headers['allow'], res.body], [405, allow, { detail: 'Method Not Allowed' }]);
    });
  }

  it('keeps unknown paths at 404 whatever the method, and serves HEAD with GET', async () => {
    for (const method of ['GET', 'TRACE', 'OPTIONS'])
      assert.deepEqual(await raw(method, '/nope').then((r) => [r.status, r.body]), [404, { detail: 'Not Found' }]);
    assert.equal((await raw('HEAD', '/health')).status, 200);
  });
});

/** Sends raw bytes on a new connection and resolves everything the server wrote before closing. */
function rawExchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(base).port), '127.0.0.1', () => socket.write(bytes));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('methods the HTTP parser does not know', () => {
  it('FUZZ /users/1 → 405 with Allow, then the connection closes', async () => {
    const reply = await rawExchange('FUZZ /users/1?x=1 HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.match(reply, /^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    assert.match(reply, /\r\nAllow: GET, HEAD, PUT, DELETE\r\n/);
    assert.match(reply, /\r\nConnection: close\r\n/);
    assert.ok(reply.endsWith('\r\n\r\n{"detail":"Method Not Allowed"}'));
  });

  it('FUZZ after a kept-alive request, on an unknown path → 404; a request line that does not parse → JSON 400', async () => {
    const second = await rawExchange('GET /health HTTP/1.1\r\nHost: x\r\n\r\nFUZZ /users/offset HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.match(second, /HTTP\/1\.1 200 OK[\s\S]*HTTP\/1\.1 405 Method Not Allowed\r\n[\s\S]*Allow: GET, HEAD\r\n/);
    assert.match(await rawExchange('FUZZ /nope HTTP/1.1\r\nHost: x\r\n\r\n'), /^HTTP\/1\.1 404 Not Found\r\n[\s\S]*\{"detail":"Not Found"\}$/);
    assert.match(await rawExchange('GET /health HTTP/9\r\n\r\n'), /^HTTP\/1\.1 400 Bad Request\r\n[\s\S]*\{"detail":"Bad Request"\}$/);
  });
});

describe('422 for out-of-range integers and NUL, before any query', () => {
  const cases: [string, string][] = [
    ['GET', '/cache/users/4398046511105/cached'],
    ['GET', '/cache/users/0/no-cache'],
    ['DELETE', '/cache/users/2147483648'],
    ['GET', '/users/4398046511105'],
    ['DELETE', '/users/-1'],
    ['GET', '/transactions/products/2147483648'],
    ['GET', '/users/cursor?cursor=9544203041'],
    ['GET', '/users/offset?page=1000001'],
    ['GET', '/n-plus-one/eager?offset=1124773556684887293952'],
    ['POST', '/transactions/decrement/pessimistic?product_id=3&quantity=-2147483647'],
    ['POST', '/transactions/decrement/serializable?quantity=1001'],
    ['POST', '/transactions/decrement/optimistic?product_id=2147483648'],
    ['POST', '/auth/login/jwt?user_id=4398046511105'],
    ['POST', '/auth/login/session?user_id=4398046511105'],
    ['GET', '/search/fulltext?q=a%00b'],
    ['GET', '/search/like?q=%00'],
    ['GET', '/cpu/fibonacci?n=39'],
  ];
  for (const [method, path] of cases) it(`${method} ${path}`, async () => assert.equal((await raw(method, path)).status, 422));

  it('serves fibonacci with the default n=27', async () => {
    assert.deepEqual((await call('/cpu/fibonacci')).body, { n: 27, result: 196418 });
  });
});

describe('malformed bodies', () => {
  const json = { 'content-type': 'application/json' };
  for (const [method, path] of [
    ['POST', '/echo'],
    ['POST', '/users'],
    ['PUT', '/users/1'],
  ] as const) {
    it(`${method} ${path}: invalid JSON → 422 {detail}, connection kept`, async () => {
      for (const body of ['{"message":', '{nope', '[1', '"x', '{"message":"a"}}']) {
        const res = await raw(method, path, body, json);
        assert.equal(res.status, 422, body);
        assert.ok('detail' in res.body);
        assert.equal((await raw('GET', '/health')).socket, res.socket);
      }
    });
  }

  it('POST /users and PUT /users/1: a NUL in name or email → 422', async () => {
    for (const body of [
      { name: 'a\u0000b', email: 'a@b' },
      { name: 'ab', email: 'a\u0000@b' },
    ]) {
      assert.equal((await raw('POST', '/users', JSON.stringify(body), json)).status, 422);
      assert.equal((await raw('PUT', '/users/1', JSON.stringify(body), json)).status, 422);
    }
  });

  it('POST /echo: an unsupported charset → 422; data nested deeper than the limit → 422', async () => {
    assert.equal((await raw('POST', '/echo', '{"message":"x"}', { 'content-type': 'application/json; charset=latin7' })).status, 422);
    const nested = (depth: number) => `{"message":"m","data":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    assert.equal((await raw('POST', '/echo', nested(MAX_JSON_DEPTH - 1), json)).status, 200);
    for (const depth of [MAX_JSON_DEPTH, 5000, 12_000]) assert.equal((await raw('POST', '/echo', nested(depth), json)).status, 422, `depth ${depth}`);
  });

  const boundary = 'b0undary';
  const multipart = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  const part = (disposition: string, data = 'hello') => `--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: text/plain\r\n\r\n${data}\r\n`;
  const uploads: [string, string, Record<string, string>][] = [
    ['no closing boundary', part('form-data; name="file"; filename="a.txt"'), multipart],
    ['a file part cut short', `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhel`, multipart],
    ['headers cut short', `--${boundary}\r\nContent-Disposition: form-da`, multipart],
    ['no part at all', `--${boundary}--\r\n`, multipart],
    ['garbage', 'not multipart at all', multipart],
    ['an empty body', '', multipart],
    ['a plain field named file', `${part('form-data; name="file"')}--${boundary}--\r\n`, multipart],
    ['no boundary parameter', part('form-data; name="file"; filename="a.txt"'), { 'content-type': 'multipart/form-data' }],
    ['no Content-Type', 'x', {}],
  ];
  for (const [what, body, headers] of uploads) {
    it(`POST /upload with ${what} → 422 No file uploaded, connection kept`, async () => {
      const res = await raw('POST', '/upload', body, headers);
      assert.deepEqual([res.status, res.body], [422, { detail: 'No file uploaded' }]);
      const next = await raw('GET', '/health');
      assert.equal(next.status, 200);
      assert.equal(next.socket, res.socket, 'the keep-alive connection is reused');
    });
  }
});
