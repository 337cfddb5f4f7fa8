import { Body, Controller, Get, HttpCode, Module, NotFoundException, Param, Post, Query, type INestApplication } from '@nestjs/common';
import { createServer, request as httpRequest, Agent, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { QueryFailedError } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BasicModule } from './basic/basic.module';
import { createApp } from './bootstrap';
import { HttpCoreModule } from './common/http-core.module';
import { IdParams } from './common/id-params';
import { loadConfig, type HttpPlatform } from './config/app-config';
import { SearchQuery } from './search/search.controller';
import { UploadModule } from './upload/upload.module';
import { CreateUserDto } from './users/dto';

/** Stands in for the database-backed controllers: the same DTOs, errors thrown as the services throw them. */
@Controller('fake')
class FakeController {
  @Get('users/:id')
  user(@Param() { id }: IdParams) {
    if (id === 404) throw new NotFoundException('User not found');
    if (id === 409) throw new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    if (id === 422) throw new QueryFailedError('INSERT', [], Object.assign(new Error('value too long'), { code: '22001' }));
    return { id };
  }

  @Post('users')
  @HttpCode(201)
  create(@Body() body: CreateUserDto) {
    return { name: body.name, email: body.email };
  }

  @Get('search')
  search(@Query() { q, limit }: SearchQuery) {
    return { q, limit };
  }
}

@Module({ controllers: [FakeController] })
class FakeModule {}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: () => Record<string, unknown>;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function send(base: string, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Reply> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method, agent, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'content-type': 'application/json' };

function multipart(parts: Array<{ name: string; filename?: string; data: string }>): { body: string; headers: Record<string, string> } {
  const boundary = 'testBoundary42';
  const body =
    parts
      .map(
        (p) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\nContent-Type: text/plain\r\n\r\n${p.data}\r\n`,
      )
      .join('') + `--${boundary}--\r\n`;
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each<HttpPlatform>(['express', 'fastify'])('HTTP behaviour on %s', (platform) => {
  let app: INestApplication;
  let upstream: Server;
  let base = '';

  beforeAll(async () => {
    upstream = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"message":"External API response"}'));
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const config = { ...loadConfig({}), platform, upstreamUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` };
    app = await createApp(config, { module: FakeModule, imports: [HttpCoreModule.forRoot(config), BasicModule, UploadModule.forPlatform(platform)] });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it("answers JSON with Content-Length, the platform's default ETag, no X-Powered-By", async () => {
    const reply = await send(base, 'GET', '/health');
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ status: 'ok', server: 'typescript-nestjs' });
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(reply.text)));
    expect(reply.headers['transfer-encoding']).toBeUndefined();
    // Express sends its default weak ETag; Fastify sends none (docs/tuning-policy.md: framework defaults).
    if (platform === 'express') expect(reply.headers.etag).toMatch(/^W\//);
    else expect(reply.headers.etag).toBeUndefined();
    expect(reply.headers['x-powered-by']).toBeUndefined();
  });

  it('routes case-sensitively, with an optional trailing slash', async () => {
    expect((await send(base, 'GET', '/health/')).status).toBe(200);
    expect((await send(base, 'GET', '/HEALTH')).status).toBe(404);
  });

  it('404 for an unknown path, 405 with Allow for another method', async () => {
    const missing = await send(base, 'GET', '/nope');
    expect([missing.status, missing.json()]).toEqual([404, { detail: 'Not Found' }]);
    const wrong = await send(base, 'DELETE', '/echo');
    expect([wrong.status, wrong.json(), wrong.headers.allow]).toEqual([405, { detail: 'Method Not Allowed' }, 'POST']);
    expect((await send(base, 'POST', '/health')).headers.allow).toBe('GET, HEAD');
    expect((await send(base, 'OPTIONS', '/fake/users/1')).status).toBe(405);
  });

  it('echo validates with the DTO, drops extra keys, 422 for malformed JSON and keeps the connection', async () => {
    const ok = await send(base, 'POST', '/echo', JSON.stringify({ message: 'hi', data: { a: [1] }, extra: 1 }), json);
    expect([ok.status, ok.json()]).toEqual([200, { message: 'hi', data: { a: [1] } }]);
    expect((await send(base, 'POST', '/echo', '{"message":"x"}', json)).json()).toEqual({ message: 'x', data: null });
    for (const body of ['{"data":{}}', '{"message":42}', '{"message":"x","data":[1]}', '[]', 'null', '{"message": "unterminated']) {
      const reply = await send(base, 'POST', '/echo', body, json);
      expect(reply.status, body).toBe(422);
      expect(Object.keys(reply.json())).toEqual(['detail']);
      expect(reply.headers.connection).not.toBe('close');
    }
    const deep = `{"message":"x","data":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    expect((await send(base, 'POST', '/echo', deep, json)).status).toBe(422);
    expect((await send(base, 'POST', '/echo', '{"message":"x"}', { 'content-type': 'text/plain' })).status).toBe(422);
  });

  it('path and query integers: PostgreSQL integer range, strict text, 422 otherwise', async () => {
    expect((await send(base, 'GET', '/fake/users/2147483647')).json()).toEqual({ id: 2147483647 });
    for (const id of ['2147483648', '-2147483649', '1e3', '1.5', 'abc', '%ZZ']) {
      const reply = await send(base, 'GET', `/fake/users/${id}`);
      expect(reply.status, id).toBe(422);
      expect(Object.keys(reply.json())).toEqual(['detail']);
    }
    expect((await send(base, 'GET', '/fake/search?q=a%00b')).status).toBe(422);
    expect((await send(base, 'GET', '/fake/search?q=x&limit=101')).status).toBe(422);
    expect((await send(base, 'GET', '/fake/search?q=x&q=y')).status).toBe(422);
    expect((await send(base, 'GET', '/fake/search?q=%25')).json()).toEqual({ q: '%', limit: 20 });
  });

  it('maps service and database errors to the contract bodies', async () => {
    expect((await send(base, 'GET', '/fake/users/404')).json()).toEqual({ detail: 'User not found' });
    const duplicate = await send(base, 'GET', '/fake/users/409');
    expect([duplicate.status, duplicate.json()]).toEqual([409, { detail: 'Email already exists' }]);
    expect((await send(base, 'GET', '/fake/users/422')).status).toBe(422);
    const created = await send(base, 'POST', '/fake/users', JSON.stringify({ name: 'n', email: 'a@b' }), json);
    expect(created.status).toBe(201);
    expect((await send(base, 'POST', '/fake/users', JSON.stringify({ name: 'a\u0000', email: 'a@b' }), json)).status).toBe(422);
  });

  it('guards /protected in the contract order', async () => {
    const detail = async (headers: Record<string, string>) => (await send(base, 'GET', '/protected', undefined, headers)).json();
    expect(await detail({})).toEqual({ detail: 'Authorization header required' });
    expect(await detail({ authorization: 'Basic dXNlcjpwYXNz' })).toEqual({ detail: 'Invalid authorization format' });
    expect(await detail({ authorization: 'Bearer short' })).toEqual({ detail: 'Invalid token' });
    expect(await detail({ authorization: 'Bearer test-token-12345' })).toEqual({ message: 'Access granted', user: 'user_from_token_test-tok' });
  });

  it('calls the upstream for /external', async () => {
    const reply = await send(base, 'GET', '/external');
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ source: 'upstream', data: { message: 'External API response' } });
  });

  it('uploads: one part named file, else 422 "No file uploaded"; too large 413', async () => {
    const ok = multipart([
      { name: 'note', data: 'x' },
      { name: 'file', filename: 'a.txt', data: 'hello' },
    ]);
    const reply = await send(base, 'POST', '/upload', ok.body, ok.headers);
    expect([reply.status, reply.json()]).toEqual([200, { filename: 'a.txt', size: 5, content_type: 'text/plain' }]);
    const rejected = [
      multipart([{ name: 'other', filename: 'a.txt', data: 'x' }]),
      multipart([{ name: 'file', data: 'no filename' }]),
      multipart([
        { name: 'file', filename: 'a', data: 'x' },
        { name: 'file', filename: 'b', data: 'y' },
      ]),
      { body: '{"file":"x"}', headers: json },
      { body: 'garbage', headers: { 'content-type': 'multipart/form-data; boundary=zz' } },
      { body: 'garbage', headers: { 'content-type': 'multipart/form-data' } },
    ];
    for (const { body, headers } of rejected) {
      const r = await send(base, 'POST', '/upload', body, headers);
      expect([r.status, r.json()]).toEqual([422, { detail: 'No file uploaded' }]);
    }
    const big = multipart([{ name: 'file', filename: 'big', data: 'x'.repeat(10 * 1024 * 1024 + 1) }]);
    expect((await send(base, 'POST', '/upload', big.body, big.headers)).status).toBe(413);
    expect((await send(base, 'GET', '/health')).status).toBe(200);
  });

  it('answers a request the HTTP parser rejects with a JSON 400 and closes', async () => {
    const port = new URL(base).port;
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('NOT-HTTP\r\n\r\n'));
      let data = '';
      socket.on('data', (c: Buffer) => (data += c.toString()));
      socket.on('close', () => resolve(data));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(raw).toContain('connection: close');
    expect(raw.endsWith('{"detail":"Bad Request"}')).toBe(true);
  });
});
