import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { afterAll as after, beforeAll as before, describe, it } from 'vitest';
import { createApp } from './app.js';
import type { Deps } from './deps.js';

/**
 * The Express wiring without services: every request here is answered (or rejected) before a
 * database, Redis or upstream call, so the dependencies are inert stand-ins.
 */
const deps = { prisma: {}, redis: {}, upstream: {}, upstreamUrl: 'http://127.0.0.1:9', jwtSecret: 'secret' } as unknown as Deps;

let base = '';
let close = () => {};
before(async () => {
  const server = createApp(deps).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
after(() => close());

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
  for (const path of ['/users/abc', '/users/offset?size=0', '/users/cursor?cursor=-1', '/n-plus-one/eager?limit=101', '/column-overhead/wide?limit=1001', '/cpu/fibonacci?n=0', '/search/like?q=', '/aggregation/stats/country/orm?limit=0']) {
    it(`GET ${path} → 422`, async () => assert.equal((await call(path)).status, 422));
  }

  it('serves the CPU endpoints', async () => {
    assert.deepEqual((await call('/cpu/fibonacci?n=20')).body, { n: 20, result: 6765 });
    assert.deepEqual((await call('/cpu/json-serialize')).body, { status: 'ok', items: 10000, bytes: 782965 });
  });
});
