/**
 * The request listener without services: every request here is answered before a database,
 * Redis or upstream call (routing, 404/405, parameter and body validation), so the dependencies
 * are inert stand-ins. Requests share one keep-alive connection where that matters: a bad
 * input must be answered, never end in a dropped connection.
 */
import assert from 'node:assert/strict';
import { Agent, createServer, request, type Server } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createClientErrorListener, createRequestListener, createRouter } from './app.js';
import type { AppDeps } from './deps.js';
import { MAX_JSON_DEPTH } from './http.js';

const deps = { pool: {}, redis: {}, jwtSecret: 'secret', upstreamUrl: 'http://127.0.0.1:9', upstreamAgent: new Agent() } as unknown as AppDeps;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  socket: unknown;
}

let server: Server;
let port = 0;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

before(async () => {
  const router = createRouter(deps);
  server = createServer(createRequestListener(router));
  server.on('clientError', createClientErrorListener(router));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
after(() => {
  agent.destroy();
  server.close();
});

function call(method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
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

describe('405 with Allow, 404', () => {
  const cases: [string, string, string][] = [
    ['TRACE', '/health', 'GET'],
    ['OPTIONS', '/health', 'GET'],
    ['PUT', '/health', 'GET'],
    ['HEAD', '/health', 'GET'],
    ['DELETE', '/echo', 'POST'],
    ['PATCH', '/users', 'GET, POST'],
    ['OPTIONS', '/users/1', 'GET, PUT, DELETE'],
    ['GET', '/cache/users/1', 'DELETE'],
    ['POST', '/transactions/products/1', 'GET'],
    ['QUERY', '/users/offset', 'GET'],
    ['TRACE', '/users/cursor', 'GET'],
  ];
  for (const [method, path, allow] of cases) {
    it(`${method} ${path} → 405, Allow: ${allow}`, async () => {
      const res = await call(method, path);
      assert.equal(res.status, 405);
      assert.equal(res.headers['allow'], allow);
      if (method !== 'HEAD') assert.deepEqual(res.body, { detail: 'Method Not Allowed' });
    });
  }

  it('keeps unknown paths at 404 whatever the method', async () => {
    for (const method of ['GET', 'TRACE', 'OPTIONS']) {
      const res = await call(method, '/nope');
      assert.deepEqual([res.status, res.body, res.headers['allow']], [404, { detail: 'Not Found' }, undefined]);
    }
  });
});

/** Sends raw bytes on a new connection and resolves everything the server wrote before closing. */
function rawExchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
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
    assert.match(reply, /\r\nAllow: GET, PUT, DELETE\r\n/);
    assert.match(reply, /\r\nConnection: close\r\n/);
    assert.ok(reply.endsWith('\r\n\r\n{"detail":"Method Not Allowed"}'));
  });

  it('FUZZ after a kept-alive request, on an unknown path → 404; a request line that does not parse → JSON 400', async () => {
    const second = await rawExchange('GET /health HTTP/1.1\r\nHost: x\r\n\r\nFUZZ /users/offset HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.match(second, /HTTP\/1\.1 200 OK[\s\S]*HTTP\/1\.1 405 Method Not Allowed\r\n[\s\S]*Allow: GET\r\n/);
    assert.match(await rawExchange('FUZZ /nope HTTP/1.1\r\nHost: x\r\n\r\n'), /^HTTP\/1\.1 404 Not Found\r\n[\s\S]*\{"detail":"Not Found"\}$/);
    assert.match(await rawExchange('GET /health HTTP/9\r\n\r\n'), /^HTTP\/1\.1 400 Bad Request\r\n[\s\S]*\{"detail":"Bad Request"\}$/);
  });
});

describe('422 before any query', () => {
  const paths: [string, string][] = [
    ['GET', '/cache/users/4398046511105/cached'],
    ['GET', '/cache/users/0/no-cache'],
    ['DELETE', '/cache/users/2147483648'],
    ['GET', '/users/4398046511105'],
    ['GET', '/users/-1'],
    ['DELETE', '/users/0'],
    ['GET', '/transactions/products/2147483648'],
    ['GET', '/users/cursor?cursor=9544203041'],
    ['GET', '/users/offset?page=1000001'],
    ['GET', '/users/offset?page='],
    ['GET', '/n-plus-one/eager?offset=1124773556684887293952'],
    ['GET', '/n-plus-one/lazy?offset=1000001'],
    ['POST', '/transactions/decrement/pessimistic?product_id=3&quantity=-2147483647'],
    ['POST', '/transactions/decrement/no-lock?quantity=0'],
    ['POST', '/transactions/decrement/serializable?quantity=1001'],
    ['POST', '/transactions/decrement/optimistic?product_id=2147483648'],
    ['POST', '/auth/login/jwt?user_id=4398046511105'],
    ['POST', '/auth/login/session?user_id=4398046511105'],
    ['POST', '/auth/login/session?user_id=0'],
    ['GET', '/search/fulltext?q=a%00b'],
    ['GET', '/search/like?q=%00'],
    ['GET', '/cpu/fibonacci?n=39'],
    ['GET', '/cpu/fibonacci?n=31'],
  ];
  for (const [method, path] of paths) {
    it(`${method} ${path}`, async () => {
      const res = await call(method, path);
      assert.equal(res.status, 422);
      assert.equal(typeof res.body.detail, 'string');
    });
  }

  it('serves fibonacci up to n=30, default 27', async () => {
    assert.deepEqual((await call('GET', '/cpu/fibonacci?n=30')).body, { n: 30, result: 832040 });
    assert.deepEqual((await call('GET', '/cpu/fibonacci')).body, { n: 27, result: 196418 });
  });
});

describe('malformed bodies', () => {
  const json = { 'content-type': 'application/json' };
  const bodies = ['{"message":', '{nope', '', '[1', '"x', '{"message":"a"}}', '\u00ff\u00fe'];
  for (const [method, path] of [
    ['POST', '/echo'],
    ['POST', '/users'],
    ['PUT', '/users/1'],
  ] as const) {
    it(`${method} ${path}: invalid JSON → 422 {detail}`, async () => {
      for (const body of bodies) {
        const res = await call(method, path, body, json);
        assert.equal(res.status, 422, JSON.stringify(body));
        assert.equal(typeof res.body.detail, 'string');
      }
    });
  }

  it('POST /echo: data nested deeper than the limit → 422, not a stack overflow', async () => {
    const nested = (depth: number) => `{"message":"m","data":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    assert.equal((await call('POST', '/echo', nested(MAX_JSON_DEPTH - 1), json)).status, 200);
    for (const depth of [MAX_JSON_DEPTH, 5000, 100_000]) {
      assert.equal((await call('POST', '/echo', nested(depth), json)).status, 422, `depth ${depth}`);
    }
  });

  it('POST /users and PUT /users/1: a NUL in name or email → 422', async () => {
    for (const body of [
      { name: 'a\u0000b', email: 'a@b' },
      { name: 'ab', email: 'a\u0000@b' },
    ]) {
      assert.equal((await call('POST', '/users', JSON.stringify(body), json)).status, 422);
      assert.equal((await call('PUT', '/users/1', JSON.stringify(body), json)).status, 422);
    }
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
    ['a file under another name', `${part('form-data; name="other"; filename="a.txt"')}--${boundary}--\r\n`, multipart],
    ['a plain field named file', `${part('form-data; name="file"')}--${boundary}--\r\n`, multipart],
    ['no boundary parameter', part('form-data; name="file"; filename="a.txt"'), { 'content-type': 'multipart/form-data' }],
    ['a JSON body', '{"file":"x"}', { 'content-type': 'application/json' }],
    ['no Content-Type', 'x', {}],
  ];
  for (const [what, body, headers] of uploads) {
    it(`POST /upload with ${what} → 422 No file uploaded, connection kept`, async () => {
      const res = await call('POST', '/upload', body, headers);
      assert.deepEqual([res.status, res.body], [422, { detail: 'No file uploaded' }]);
      const next = await call('GET', '/health');
      assert.equal(next.status, 200);
      assert.equal(next.socket, res.socket, 'the keep-alive connection is reused');
    });
  }

  it('POST /upload measures a well-formed file part', async () => {
    const body = `${part('form-data; name="file"; filename="a.txt"')}--${boundary}--\r\n`;
    assert.deepEqual((await call('POST', '/upload', body, multipart)).body, { filename: 'a.txt', size: 5, content_type: 'text/plain' });
  });
});
