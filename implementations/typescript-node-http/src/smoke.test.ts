/**
 * Integration smoke test: starts a private PostgreSQL (Debian's server binaries; as the
 * `postgres` user when run as root) and `redis-server` on free loopback ports, applies the
 * lab's schema (libs/contract/sql/schema.sql) plus a small fixture, serves the app in-process
 * on port 0 and checks a request per endpoint group, including query counts from
 * pg_stat_statements. Skipped when the binaries or the schema are not available, or with
 * SMOKE=0.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, chownSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createRequestListener, createRouter } from './app.js';
import { createPool } from './db.js';

const here = dirname(fileURLToPath(import.meta.url));
const SCHEMA = join(here, '../../../libs/contract/sql/schema.sql');

function findPgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

function which(binary: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const pgBin = findPgBin();
const redisBin = which('redis-server');
const skip =
  process.env['SMOKE'] === '0'
    ? 'SMOKE=0'
    : !pgBin
      ? 'no PostgreSQL server binaries under /usr/lib/postgresql'
      : !redisBin
        ? 'no redis-server on PATH'
        : !existsSync(SCHEMA)
          ? `no schema at ${SCHEMA}`
          : false;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<unknown>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what} did not become ready: ${String(error)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const FIXTURE = `
INSERT INTO users (name, email, created_at) VALUES
  ('User1', 'user1@benchmark.com', '2025-01-01 00:00:00'),
  ('User2', 'user2@benchmark.com', '2025-01-02 00:00:00.5');
INSERT INTO users_pagination (name, email)
  SELECT 'User' || g, 'pagination' || g || '@benchmark.com' FROM generate_series(1, 45) g;
INSERT INTO authors (name, email, bio, created_at)
  SELECT 'Author' || g, 'author' || g || '@benchmark.com', 'Bio ' || g, '2025-01-01'
  FROM generate_series(1, 25) g;
INSERT INTO posts (author_id, title, content, view_count, created_at)
  SELECT a, 'Post ' || p || ' by Author ' || a,
         CASE WHEN a = 4 AND p = 1 THEN 'A zeppelin flies at 100% power_level' ELSE 'Lorem ipsum' END,
         a * 10 + p, '2025-01-02'
  FROM generate_series(1, 25) a, generate_series(1, (a % 3) * 2) p;
INSERT INTO products (name, stock, version) VALUES ('Product 1', 1000, 0), ('Product 2', 1000, 0);
INSERT INTO users_wide (name, email, status, country, login_count, birth_date, preferences)
  SELECT 'User' || g, 'wide' || g || '@benchmark.com', CASE WHEN g % 2 = 0 THEN 'active' ELSE 'inactive' END,
         'Country' || (g % 3), g, DATE '1990-01-01' + g, '{"theme":"dark"}'
  FROM generate_series(1, 12) g;
INSERT INTO users_type_uuid (name, email, uuid_col_01) VALUES ('U', 'u@x', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11');
`;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

describe('smoke: every endpoint group against real PostgreSQL and Redis', { skip }, () => {
  let tmp = '';
  let postgres: ChildProcess | undefined;
  let redisServer: ChildProcess | undefined;
  let admin: pg.Client | undefined;
  let app: Server | undefined;
  let upstream: Server | undefined;
  let appPool: pg.Pool | undefined;
  let appRedis: Redis | undefined;
  const agent = new Agent({ keepAlive: true });
  const upstreamAgent = new Agent({ keepAlive: true });
  let appPort = 0;

  const call = (method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: appPort, method, path, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : undefined });
        });
      });
      req.on('error', reject);
      req.end(body);
    });

  const callsOf = async (fragment: string): Promise<number> => {
    const { rows } = await admin!.query<{ calls: string }>(`SELECT COALESCE(SUM(calls), 0)::text AS calls FROM pg_stat_statements WHERE query LIKE $1`, [
      `%${fragment}%`,
    ]);
    return Number(rows[0]!.calls);
  };

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'tnh-smoke-'));
    const owner: { uid?: number; gid?: number } = {};
    if (process.getuid?.() === 0) {
      owner.uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      owner.gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(tmp, owner.uid, owner.gid);
    }
    const data = join(tmp, 'data');
    execFileSync(join(pgBin!, 'initdb'), ['-D', data, '-U', 'lab', '--auth=trust', '-E', 'UTF8', '--no-sync'], {
      ...owner,
      cwd: '/',
      stdio: 'ignore',
    });
    const pgPort = await freePort();
    postgres = spawn(
      join(pgBin!, 'postgres'),
      [
        '-D',
        data,
        '-p',
        String(pgPort),
        '-k',
        tmp,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
        '-c',
        'shared_preload_libraries=pg_stat_statements',
        '-c',
        'timezone=UTC',
      ],
      { ...owner, cwd: '/', stdio: 'ignore' },
    );
    await waitFor(async () => {
      const c = new pg.Client({ host: '127.0.0.1', port: pgPort, user: 'lab', database: 'postgres' });
      await c.connect();
      await c.end();
    }, 'PostgreSQL');
    const bootstrap = new pg.Client({ host: '127.0.0.1', port: pgPort, user: 'lab', database: 'postgres' });
    await bootstrap.connect();
    await bootstrap.query('CREATE DATABASE app');
    await bootstrap.end();
    const databaseUrl = `postgresql://lab@127.0.0.1:${pgPort}/app`;
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(readFileSync(SCHEMA, 'utf8'));
    await admin.query(FIXTURE);

    const redisPort = await freePort();
    redisServer = spawn(redisBin!, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    appRedis = new Redis(`redis://127.0.0.1:${redisPort}/0`, { lazyConnect: true, maxRetriesPerRequest: 1 });
    appRedis.on('error', () => {});
    await waitFor(() => appRedis!.ping(), 'Redis');

    upstream = createServer((_req, res) => {
      const body = JSON.stringify({ message: 'External API response' });
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body), 20);
    });
    await new Promise<void>((r) => upstream!.listen(0, '127.0.0.1', r));
    const upstreamPort = (upstream.address() as { port: number }).port;

    appPool = createPool(databaseUrl, 5);
    const router = createRouter({
      pool: appPool,
      redis: appRedis,
      jwtSecret: 'smoke-secret',
      upstreamUrl: `http://127.0.0.1:${upstreamPort}`,
      upstreamAgent,
    });
    app = createServer(createRequestListener(router));
    await new Promise<void>((r) => app!.listen(0, '127.0.0.1', r));
    appPort = (app.address() as { port: number }).port;
  });

  after(async () => {
    agent.destroy();
    upstreamAgent.destroy();
    await new Promise((r) => (app ? app.close(r) : r(undefined)));
    await new Promise((r) => (upstream ? upstream.close(r) : r(undefined)));
    await appPool?.end().catch(() => {});
    appRedis?.disconnect();
    await admin?.end().catch(() => {});
    for (const child of [redisServer, postgres]) {
      if (child && child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await exited;
      }
    }
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('answers basic endpoints with Content-Length and the contract shapes', async () => {
    const health = await call('GET', '/health');
    assert.deepEqual(health.body, { status: 'ok', server: 'typescript-node-http' });
    assert.equal(health.headers['content-length'], '47');
    assert.equal(health.headers['transfer-encoding'], undefined);

    const users = await call('GET', '/users');
    assert.deepEqual(users.body[1], { id: 2, name: 'User2', email: 'user2@benchmark.com', created_at: '2025-01-02T00:00:00.5Z' });

    const created = await call('POST', '/users', JSON.stringify({ name: 'New', email: 'new@x.io' }));
    assert.equal(created.status, 201);
    assert.equal((await call('POST', '/users', JSON.stringify({ name: 'Dup', email: 'new@x.io' }))).body.detail, 'Email already exists');
    assert.equal((await call('POST', '/users', '{nope')).status, 422);
    assert.equal((await call('PUT', `/users/${created.body.id}`, '{"name":"Renamed"}')).body.name, 'Renamed');
    assert.equal((await call('DELETE', `/users/${created.body.id}`)).status, 204);
    assert.deepEqual((await call('GET', `/users/${created.body.id}`)).body, { detail: 'User not found' });
    assert.equal((await call('GET', '/users/abc')).status, 422);

    const external = await call('GET', '/external');
    assert.deepEqual(external.body.data, { message: 'External API response' });
    assert.equal(external.body.source, 'upstream');

    const boundary = 'smokeboundary';
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`;
    const upload = await call('POST', '/upload', multipart, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    assert.deepEqual(upload.body, { filename: 'a.txt', size: 5, content_type: 'text/plain' });
  });

  it('paginates with offset and cursor', async () => {
    const offset = await call('GET', '/users/offset?page=3&size=20');
    assert.deepEqual(
      { ...offset.body, items: offset.body.items.map((u: { id: number }) => u.id) },
      { items: [41, 42, 43, 44, 45], total: 45, page: 3, size: 20, total_pages: 3 },
    );
    const cursor = await call('GET', '/users/cursor?cursor=40&size=4');
    assert.equal(cursor.body.next_cursor, 44);
    assert.equal((await call('GET', '/users/cursor?cursor=44&size=4')).body.next_cursor, null);
  });

  it('returns typed columns (dates, JSONB objects, lowercase UUIDs)', async () => {
    const wide = await call('GET', '/column-overhead/wide?limit=1');
    assert.equal(wide.body[0].birth_date, '1990-01-02');
    assert.deepEqual(wide.body[0].preferences, { theme: 'dark' });
    const uuid = await call('GET', '/column-overhead/type/uuid?limit=1');
    assert.equal(uuid.body[0].uuid_col_01, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
  });

  it('serves identical N+1 bodies from 21, 1 and 2 queries', async () => {
    const bodies: unknown[] = [];
    const counts: Record<string, number> = {};
    for (const strategy of ['lazy', 'eager', 'subquery']) {
      await admin!.query('SELECT pg_stat_statements_reset()');
      bodies.push((await call('GET', `/n-plus-one/${strategy}?limit=20&offset=2`)).body);
      counts[strategy] = (await callsOf('FROM authors')) + (await callsOf('FROM posts'));
    }
    assert.deepEqual(counts, { lazy: 21, eager: 1, subquery: 2 });
    assert.deepEqual(bodies[1], bodies[0]);
    assert.deepEqual(bodies[2], bodies[0]);
    assert.equal((bodies[0] as unknown[]).length, 20);
  });

  it('runs bulk operations with the documented statements', async () => {
    await call('DELETE', '/bulk-operations/cleanup');
    await admin!.query('SELECT pg_stat_statements_reset()');
    assert.equal((await call('POST', '/bulk-operations/insert-individual?count=30')).body.count, 30);
    assert.equal(await callsOf('INSERT INTO bulk_items'), 30);
    await call('POST', '/bulk-operations/insert-batch?count=1200');
    assert.equal(await callsOf('INSERT INTO bulk_items'), 33);
    await call('POST', '/bulk-operations/update-bulk?count=50');
    const { rows } = await admin!.query('SELECT COUNT(*)::int AS n, SUM(value)::int AS s FROM bulk_items WHERE id <= 50');
    assert.deepEqual(rows[0], { n: 50, s: 10 * ((50 * 51) / 2) });
  });

  it('decrements stock with each locking strategy', async () => {
    await call('POST', '/transactions/reset');
    for (const method of ['no-lock', 'pessimistic', 'optimistic', 'serializable']) {
      const { body } = await call('POST', `/transactions/decrement/${method}?product_id=1&quantity=3`);
      assert.equal(body.success, true, method);
      assert.equal(body.old_stock - body.new_stock, 3, method);
    }
    assert.equal((await call('GET', '/transactions/products/1')).body.stock, 988);
    assert.equal((await call('POST', '/transactions/decrement/pessimistic?product_id=99')).status, 404);
  });

  it("answers 422 'Stock out of range' and changes nothing when the stock would leave PostgreSQL's integer", async () => {
    const floor = -2147483648;
    await admin!.query('UPDATE products SET stock = $1, version = 7 WHERE id = 2', [floor + 999]);
    try {
      for (const method of ['no-lock', 'pessimistic', 'optimistic', 'serializable']) {
        const reply = await call('POST', `/transactions/decrement/${method}?product_id=2&quantity=1000`);
        assert.deepEqual([reply.status, reply.body], [422, { detail: 'Stock out of range' }], method);
      }
      const { rows } = await admin!.query('SELECT stock, version FROM products WHERE id = 2');
      assert.deepEqual(rows[0], { stock: floor + 999, version: 7 });
      const last = await call('POST', '/transactions/decrement/pessimistic?product_id=2&quantity=999');
      assert.equal(last.body.new_stock, floor);
    } finally {
      await call('POST', '/transactions/reset');
    }
  });

  it('caches users and authenticates with JWTs and sessions', async () => {
    await call('DELETE', '/cache/flush');
    assert.equal((await call('GET', '/cache/users/1/cached')).body.source, 'database');
    assert.equal((await call('GET', '/cache/users/1/cached')).body.source, 'cache');
    assert.equal((await appRedis!.ttl('user:1')) > 290, true);
    assert.deepEqual((await call('DELETE', '/cache/users/1')).body, { deleted: 'user:1', success: true });

    const jwt = (await call('POST', '/auth/login/jwt?user_id=2')).body.access_token as string;
    const viaJwt = await call('GET', '/auth/protected/jwt', undefined, { authorization: `Bearer ${jwt}` });
    assert.equal(viaJwt.body.email, 'user2@benchmark.com');
    const session = (await call('POST', '/auth/login/session?user_id=1')).body.session_token as string;
    assert.equal(session.length, 43);
    const viaSession = await call('GET', '/auth/protected/session', undefined, { authorization: `Bearer ${session}` });
    assert.equal(viaSession.body.user_id, 1);
    assert.equal((await call('GET', '/auth/protected/jwt')).body.detail, 'Invalid authorization header');
  });

  it('aggregates and searches', async () => {
    assert.deepEqual((await call('GET', '/aggregation/count/raw')).body, {
      count_star: 12,
      count_id: 12,
      count_distinct_status: 2,
    });
    assert.deepEqual((await call('GET', '/aggregation/count/orm')).body, (await call('GET', '/aggregation/count/raw')).body);
    const countries = (await call('GET', '/aggregation/stats/country/raw?limit=2')).body;
    assert.deepEqual(countries[0], { country: 'Country0', user_count: 4, total_logins: 30, avg_logins: 7.5 });
    const like = (await call('GET', `/search/like?q=${encodeURIComponent('100% power_')}`)).body;
    assert.deepEqual(like, [{ id: like[0]?.id, author_id: 4, title: 'Post 1 by Author 4' }]);
    assert.deepEqual((await call('GET', `/search/like?q=${encodeURIComponent('0%_p')}`)).body, []);
    const fulltext = (await call('GET', '/search/fulltext?q=zeppelins')).body;
    assert.equal(fulltext.length, 1);
    assert.equal(typeof fulltext[0].rank, 'number');
    const report = (await call('GET', '/mixed/report')).body;
    assert.equal(report.top_by_posts.length, 10);
  });
});
