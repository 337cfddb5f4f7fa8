import { randomBytes } from 'node:crypto';
import type { Fault, FaultTools, ProxiedRequest, ProxiedResponse } from './fault-types';

type Handle = Fault['handle'];

function urlOf(req: ProxiedRequest): URL {
  return new URL(req.path, 'http://proxy.invalid');
}

function jsonOf(res: ProxiedResponse): any {
  return JSON.parse(res.body.toString('utf8'));
}

function withJson(res: ProxiedResponse, value: unknown, status = res.status): ProxiedResponse {
  return { ...res, status, headers: { ...res.headers, 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(value)) };
}

/** Forwards, then rewrites the JSON body of matching responses with the given status. */
function rewriteJson(match: (method: string, pathname: string) => boolean, transform: (body: any, req: ProxiedRequest) => unknown, status = 200): Handle {
  return async (req, tools) => {
    const res = await tools.forward(req);
    if (res.status !== status || !match(req.method, urlOf(req).pathname)) return res;
    return withJson(res, transform(jsonOf(res), req));
  };
}

/** Rewrites matching requests before forwarding them. */
function rewriteRequest(match: (method: string, url: URL) => boolean, rewrite: (url: URL, req: ProxiedRequest) => void): Handle {
  return async (req, tools) => {
    const url = urlOf(req);
    if (!match(req.method, url)) return tools.forward(req);
    rewrite(url, req);
    return tools.forward({ ...req, path: url.pathname + url.search });
  };
}

/** Serves bulk operation `name` with operation `by`, relabelling the response's `operation`. */
function servedBy(name: string, by: string): Handle {
  return async (req, tools) => {
    const url = urlOf(req);
    if (url.pathname !== `/bulk-operations/${name}`) return tools.forward(req);
    const res = await tools.forward({ ...req, path: `/bulk-operations/${by}${url.search}` });
    if (res.status !== 200) return res;
    const body = jsonOf(res);
    return withJson(res, {
      ...body,
      operation: typeof body.operation === 'string' ? body.operation.replace(by.split('-')[1]!, name.split('-')[1]!) : body.operation,
    });
  };
}

/** A JSON reply the proxy makes up itself. */
function answer(value: unknown, status = 200): ProxiedResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(value)) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A non-negative integer query or path value, or null (the real server answers the 422). */
function intOf(value: string | null | undefined): number | null {
  return value !== null && value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

/** Serves `from` with `to` (same query), rewriting the 200 body with `relabel`. */
function servedWith(from: string, to: string, relabel: (body: any) => unknown): Handle {
  return async (req, tools) => {
    const url = urlOf(req);
    if (url.pathname !== from) return tools.forward(req);
    const res = await tools.forward({ ...req, path: `${to}${url.search}` });
    return res.status === 200 ? withJson(res, relabel(jsonOf(res))) : res;
  };
}

/** The proxy's own user cache (the `cache-in-process` fault): id → the no-cache body. */
type CachedUser = { user_id: number; name: string; email: string };

const is = (m: string, p: string | RegExp) => (method: string, pathname: string) => method === m && (typeof p === 'string' ? pathname === p : p.test(pathname));

const renameKeys = (value: unknown, from: string, to: string): unknown => {
  if (Array.isArray(value)) return value.map((v) => renameKeys(v, from, to));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k === from ? to : k, renameKeys(v, from, to)]));
  }
  return value;
};

const shiftHour = (ts: string) =>
  new Date(Date.parse(ts.endsWith('Z') || /[+-]\d\d:?\d\d$/.test(ts) ? ts : `${ts}Z`) + 3_600_000).toISOString().replace('Z', '');

function define<const T extends Record<string, Omit<Fault, 'name'>>>(defs: T): { [K in keyof T]: Fault } {
  return Object.fromEntries(Object.entries(defs).map(([name, f]) => [name, { name, ...f }])) as { [K in keyof T]: Fault };
}

/** Every fault the proxy can apply, by name. */
export const faults = define({
  'users-list-drops-row': {
    description: 'GET /users leaves out its last row',
    handle: rewriteJson(is('GET', '/users'), (rows: unknown[]) => rows.slice(0, -1)),
  },
  'unordered-list': {
    description: 'GET /users returns the rows in reverse order',
    handle: rewriteJson(is('GET', '/users'), (rows: unknown[]) => [...rows].reverse()),
  },
  'camel-case-created-at': {
    description: 'GET /users renders created_at as createdAt',
    handle: rewriteJson(is('GET', '/users'), (rows) => renameKeys(rows, 'created_at', 'createdAt')),
  },
  'created-at-local-time': {
    description: 'GET /users shifts created_at by one hour (a time-zone bug) while keeping the format',
    handle: rewriteJson(is('GET', '/users'), (rows: Array<{ created_at: string }>) => rows.map((r) => ({ ...r, created_at: shiftHour(r.created_at) }))),
  },
  'echo-keeps-extra-keys': {
    description: 'POST /echo returns the request body verbatim',
    handle: rewriteJson(is('POST', '/echo'), (_body, req) => JSON.parse(req.body.toString('utf8'))),
  },
  'echo-data-omitted': {
    description: 'POST /echo leaves out data when the request had none, instead of data:null',
    handle: rewriteJson(is('POST', '/echo'), (b: Record<string, unknown>) => (b.data === null ? { message: b.message } : b)),
  },
  'wrong-404-status': {
    description: 'an unknown user answers 400 instead of 404',
    handle: async (req, tools) => {
      const res = await tools.forward(req);
      return res.status === 404 ? { ...res, status: 400 } : res;
    },
  },
  'missing-detail': {
    description: '404 bodies say {"error": …} instead of {"detail": …}',
    handle: async (req, tools) => {
      const res = await tools.forward(req);
      return res.status === 404 ? withJson(res, { error: jsonOf(res).detail }) : res;
    },
  },
  'delete-returns-200': {
    description: 'DELETE /users/{id} answers 200 with a body instead of 204',
    handle: async (req, tools) => {
      const res = await tools.forward(req);
      return req.method === 'DELETE' && res.status === 204 ? withJson(res, { deleted: true }, 200) : res;
    },
  },
  'chunked-framing': {
    description: 'every response is sent chunked, without Content-Length',
    handle: async (req, tools) => ({ ...(await tools.forward(req)), chunked: true }),
  },
  'content-type-text': {
    description: 'GET /health is served as text/plain',
    handle: async (req, tools) => {
      const res = await tools.forward(req);
      return urlOf(req).pathname === '/health' ? { ...res, headers: { ...res.headers, 'content-type': 'text/plain' } } : res;
    },
  },
  'upload-size-off-by-one': {
    description: 'POST /upload reports one byte more than it received',
    handle: rewriteJson(is('POST', '/upload'), (b: { size: number }) => ({ ...b, size: b.size + 1 })),
  },
  'offset-cursor-disagree': {
    description: 'GET /users/cursor starts one row late',
    handle: rewriteRequest(
      (m, u) => m === 'GET' && u.pathname === '/users/cursor' && u.searchParams.has('cursor'),
      (u) => u.searchParams.set('cursor', String(Number(u.searchParams.get('cursor')) + 1)),
    ),
  },
  'pagination-size-clamped': {
    description: 'size above 100 is clamped to 100 instead of rejected',
    handle: rewriteRequest(
      (m, u) => m === 'GET' && u.pathname.startsWith('/users/') && Number(u.searchParams.get('size')) > 100,
      (u) => u.searchParams.set('size', '100'),
    ),
  },
  'external-no-delay': {
    description: 'GET /external answers from a cached body without waiting for the upstream',
    handle: async (req, tools) => {
      if (urlOf(req).pathname !== '/external') return tools.forward(req);
      const cached = tools.state.get('external') as ProxiedResponse | undefined;
      if (cached) return cached;
      const res = await tools.forward(req);
      tools.state.set('external', res);
      return res;
    },
  },
  'n-plus-one-eager-issues-n-queries': {
    description: 'GET /n-plus-one/eager also issues one posts SELECT per author (on the side, through pg)',
    handle: async (req, tools) => {
      const url = urlOf(req);
      if (url.pathname === '/n-plus-one/eager' && tools.db) {
        const limit = Number(url.searchParams.get('limit') ?? 20);
        const offset = Number(url.searchParams.get('offset') ?? 0);
        for (let i = 1; i <= limit; i++) await tools.db.query('SELECT id FROM posts WHERE author_id = $1', [offset + i]);
      }
      return tools.forward(req);
    },
  },
  'n-plus-one-lazy-drops-post': {
    description: 'GET /n-plus-one/lazy loses the last post of its first author',
    handle: rewriteJson(is('GET', '/n-plus-one/lazy'), (authors: Array<{ posts: unknown[] }>) =>
      authors.map((a, i) => (i === 0 ? { ...a, posts: a.posts.slice(0, -1) } : a)),
    ),
  },
  'column-overhead-uppercase-uuid': {
    description: 'GET /column-overhead/type/uuid renders UUIDs in upper case',
    handle: rewriteJson(is('GET', '/column-overhead/type/uuid'), (rows: Array<Record<string, unknown>>) =>
      rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k.startsWith('uuid_') && typeof v === 'string' ? v.toUpperCase() : v]))),
    ),
  },
  'bulk-raw-row-by-row': {
    description: 'POST /bulk-operations/insert-raw inserts row by row (served by insert-individual)',
    handle: servedBy('insert-raw', 'insert-individual'),
  },
  'bulk-batch-commits-per-row': {
    description: 'POST /bulk-operations/insert-batch commits every row (served by insert-individual)',
    handle: servedBy('insert-batch', 'insert-individual'),
  },
  'bulk-update-row-by-row': {
    description: 'POST /bulk-operations/update-bulk updates id by id (served by update-individual)',
    handle: servedBy('update-bulk', 'update-individual'),
  },
  'pessimistic-loses-updates': {
    description: 'POST /transactions/decrement/pessimistic reports success for every 5th request without writing',
    handle: async (req, tools) => {
      const url = urlOf(req);
      if (url.pathname !== '/transactions/decrement/pessimistic') return tools.forward(req);
      const n = ((tools.state.get('n') as number | undefined) ?? 0) + 1;
      tools.state.set('n', n);
      const res = await tools.forward(n % 5 === 0 ? { ...req, path: `/transactions/products/${url.searchParams.get('product_id')}`, method: 'GET' } : req);
      if (n % 5 !== 0 || res.status !== 200) return res;
      const p = jsonOf(res);
      return withJson(res, {
        success: true,
        method: 'pessimistic',
        product_id: p.id,
        old_stock: p.stock,
        new_stock: p.stock - 1,
        retries: 0,
        elapsed_ms: 1,
        error: null,
      });
    },
  },
  'cache-source-always-database': {
    description: 'GET /cache/users/{id}/cached always says source "database"',
    handle: rewriteJson(is('GET', /^\/cache\/users\/\d+\/cached$/), (b) => ({ ...b, source: 'database' })),
  },
  'no-cache-reads-cache': {
    description: 'GET /cache/users/{id}/no-cache says source "cache"',
    handle: rewriteJson(is('GET', /^\/cache\/users\/\d+\/no-cache$/), (b) => ({ ...b, source: 'cache' })),
  },
  'cache-warmup-miscount': {
    description: 'POST /cache/warmup reports one user fewer',
    handle: rewriteJson(is('POST', '/cache/warmup'), (b: { warmed_count: number }) => ({ ...b, warmed_count: b.warmed_count - 1 })),
  },
  'jwt-accepts-tampered': {
    description: 'GET /auth/protected/jwt accepts any token that decodes, signature unchecked',
    handle: async (req, tools) => {
      const res = await tools.forward(req);
      const token = /^Bearer (\S+\.\S+\.\S*)$/.exec(req.headers.authorization ?? '')?.[1];
      if (urlOf(req).pathname !== '/auth/protected/jwt' || res.status !== 401 || !token) return res;
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
      return withJson(res, { message: 'protected resource', auth_type: 'jwt', user_id: Number(claims.sub), email: claims.email, elapsed_ms: 0.1 }, 200);
    },
  },
  'session-accepts-bogus': {
    description: 'GET /auth/protected/session accepts unknown session tokens as user 1',
    handle: async (req, tools) => {
      const res = await tools.forward(req);
      if (urlOf(req).pathname !== '/auth/protected/session' || res.status !== 401 || !req.headers.authorization?.startsWith('Bearer ')) return res;
      return withJson(res, { message: 'protected resource', auth_type: 'session', user_id: 1, email: 'user1@benchmark.com', elapsed_ms: 0.1 }, 200);
    },
  },
  'aggregation-orm-raw-differ': {
    description: 'GET /aggregation/stats/country/orm over-counts the first country by one',
    handle: rewriteJson(is('GET', '/aggregation/stats/country/orm'), (rows: Array<{ user_count: number }>) =>
      rows.map((r, i) => (i === 0 ? { ...r, user_count: r.user_count + 1 } : r)),
    ),
  },
  'fibonacci-clamps-n': {
    description: 'GET /cpu/fibonacci clamps n above 30 instead of rejecting it',
    handle: rewriteRequest(
      (m, u) => u.pathname === '/cpu/fibonacci' && Number(u.searchParams.get('n')) > 30,
      (u) => u.searchParams.set('n', '30'),
    ),
  },
  'json-serialize-pretty-bytes': {
    description: 'GET /cpu/json-serialize reports the byte count of pretty-printed JSON',
    handle: rewriteJson(is('GET', '/cpu/json-serialize'), (b: { bytes: number }) => ({ ...b, bytes: b.bytes + 10_000 * 6 })),
  },
  'io-db-drops-author': {
    description: 'GET /io/db leaves out the last author',
    handle: rewriteJson(is('GET', '/io/db'), (b: { count: number; authors: unknown[] }) => ({ count: b.count - 1, authors: b.authors.slice(0, -1) })),
  },
  'mixed-report-wrong-total': {
    description: 'GET /mixed/report over-counts total_posts by one',
    handle: rewriteJson(is('GET', '/mixed/report'), (b: { summary: { total_posts: number } }) => ({
      ...b,
      summary: { ...b.summary, total_posts: b.summary.total_posts + 1 },
    })),
  },
  'search-unescaped-like': {
    description: 'GET /search/like passes q into ILIKE without escaping % and _ (computed on the side through pg)',
    handle: async (req, tools) => {
      const url = urlOf(req);
      const q = url.searchParams.get('q');
      const res = await tools.forward(req);
      if (url.pathname !== '/search/like' || res.status !== 200 || !tools.db || q === null) return res;
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const { rows } = await tools.db.query('SELECT id, author_id, title FROM posts WHERE title ILIKE $1 OR content ILIKE $1 ORDER BY id LIMIT $2', [
        `%${q}%`,
        limit,
      ]);
      return withJson(res, rows);
    },
  },
  'fulltext-ordered-by-id': {
    description: 'GET /search/fulltext orders by id instead of rank',
    handle: rewriteJson(is('GET', '/search/fulltext'), (rows: Array<{ id: number }>) => [...rows].sort((a, b) => a.id - b.id)),
  },
  'pessimistic-atomic-update': {
    description:
      'POST /transactions/decrement/pessimistic decrements with one atomic UPDATE … SET stock = stock - q (on the side, through pg): no lost update, but no SELECT … FOR UPDATE either',
    handle: async (req, tools) => {
      const url = urlOf(req);
      const productId = intOf(url.searchParams.get('product_id') ?? '1');
      const quantity = intOf(url.searchParams.get('quantity') ?? '1');
      if (url.pathname !== '/transactions/decrement/pessimistic' || !tools.db || productId === null || quantity === null || productId > 2 ** 31 - 1)
        return tools.forward(req);
      const started = performance.now();
      const { rows } = await tools.db.query<{ stock: number }>('UPDATE products SET stock = stock - $2, updated_at = NOW() WHERE id = $1 RETURNING stock', [
        productId,
        quantity,
      ]);
      if (rows.length === 0) return tools.forward(req);
      const stock = rows[0]!.stock;
      return answer({
        success: true,
        method: 'pessimistic',
        product_id: productId,
        old_stock: stock + quantity,
        new_stock: stock,
        retries: 0,
        elapsed_ms: performance.now() - started,
        error: null,
      });
    },
  },
  'serializable-as-pessimistic': {
    description: 'POST /transactions/decrement/serializable is served by pessimistic (relabelled): row locks at READ COMMITTED, never SERIALIZABLE',
    handle: servedWith('/transactions/decrement/serializable', '/transactions/decrement/pessimistic', (b) => ({ ...b, method: 'serializable' })),
  },
  'cursor-by-offset': {
    description: 'GET /users/cursor pages aligned on the size are answered from GET /users/offset (OFFSET, plus its count), reshaped to the cursor shape',
    handle: async (req, tools) => {
      const url = urlOf(req);
      const cursor = intOf(url.searchParams.get('cursor') ?? '0');
      const size = intOf(url.searchParams.get('size') ?? '20');
      if (url.pathname !== '/users/cursor' || cursor === null || size === null || size < 1 || size > 100 || cursor % size !== 0) return tools.forward(req);
      const res = await tools.forward({ ...req, path: `/users/offset?page=${cursor / size + 1}&size=${size}` });
      if (res.status !== 200) return res;
      const page = jsonOf(res) as { items: Array<{ id: number }>; page: number; total_pages: number };
      const last = page.items.at(-1);
      return withJson(res, { items: page.items, next_cursor: last && page.page < page.total_pages ? last.id : null, size });
    },
  },
  'cache-in-process': {
    description:
      'GET /cache/users/{id}/cached is cached in the proxy\'s memory, never in Redis: a miss is served by no-cache, later reads by the proxy as "cache" (flush, delete and warmup kept in step)',
    handle: async (req, tools) => {
      const url = urlOf(req);
      const cache = (tools.state.get('cache') as Map<number, CachedUser> | undefined) ?? new Map<number, CachedUser>();
      tools.state.set('cache', cache);
      const read = /^\/cache\/users\/(\d+)\/cached$/.exec(url.pathname);
      const id = read ? intOf(read[1]) : null;
      if (req.method === 'GET' && id !== null) {
        const hit = cache.get(id);
        if (hit) return answer({ source: 'cache', ...hit, elapsed_ms: 0.01 });
        const res = await tools.forward({ ...req, path: `/cache/users/${id}/no-cache` });
        if (res.status === 200) {
          const body = jsonOf(res) as CachedUser;
          cache.set(id, { user_id: body.user_id, name: body.name, email: body.email });
        }
        return res;
      }
      if (req.method === 'DELETE' && url.pathname === '/cache/flush') cache.clear();
      const deleted = /^\/cache\/users\/(\d+)$/.exec(url.pathname);
      if (req.method === 'DELETE' && deleted) cache.delete(Number(deleted[1]));
      const res = await tools.forward(req);
      if (req.method === 'POST' && url.pathname === '/cache/warmup' && res.status === 200) {
        for (let i = 1; i <= (jsonOf(res) as { warmed_count: number }).warmed_count; i++) {
          const user = await tools.forward({ method: 'GET', path: `/cache/users/${i}/no-cache`, headers: {}, body: Buffer.alloc(0) });
          if (user.status === 200) {
            const body = jsonOf(user) as CachedUser;
            cache.set(i, { user_id: body.user_id, name: body.name, email: body.email });
          }
        }
      }
      return res;
    },
  },
  'external-without-upstream': {
    description: "GET /external waits the upstream's 100 ms and answers the upstream's body itself, never calling it",
    handle: async (req, tools) => {
      if (req.method !== 'GET' || urlOf(req).pathname !== '/external') return tools.forward(req);
      const started = performance.now();
      await sleep(102);
      return answer({ source: 'upstream', latency_ms: performance.now() - started, data: { message: 'External API response' } });
    },
  },
  'session-in-process': {
    description: 'POST /auth/login/session issues tokens the proxy keeps in memory and GET /auth/protected/session checks there, never in Redis',
    handle: async (req, tools) => {
      const url = urlOf(req);
      const sessions = (tools.state.get('sessions') as Map<string, number> | undefined) ?? new Map<string, number>();
      tools.state.set('sessions', sessions);
      const noBody = { headers: {}, body: Buffer.alloc(0) };
      if (req.method === 'POST' && url.pathname === '/auth/login/session') {
        const userId = intOf(url.searchParams.get('user_id'));
        if (userId === null) return tools.forward(req);
        const user = await tools.forward({ method: 'GET', path: `/users/${userId}`, ...noBody });
        if (user.status !== 200) return answer({ detail: 'User not found' }, 401);
        const token = randomBytes(32).toString('base64url');
        sessions.set(token, userId);
        return answer({ session_token: token, token_type: 'session', elapsed_ms: 0.01 });
      }
      const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      const userId = token ? sessions.get(token) : undefined;
      if (req.method === 'GET' && url.pathname === '/auth/protected/session' && userId !== undefined) {
        const user = jsonOf(await tools.forward({ method: 'GET', path: `/users/${userId}`, ...noBody })) as { id: number; email: string };
        return answer({ message: 'protected resource', auth_type: 'session', user_id: user.id, email: user.email, elapsed_ms: 0.01 });
      }
      return tools.forward(req);
    },
  },
  'cpu-hash-constant': {
    description: 'GET /cpu/hash answers the constant {"status":"ok","hash_length":60} without hashing',
    handle: async (req, tools) =>
      req.method === 'GET' && urlOf(req).pathname === '/cpu/hash' ? answer({ status: 'ok', hash_length: 60 }) : tools.forward(req),
  },
});

/** The name of a fault the proxy knows. */
export type FaultName = keyof typeof faults;

export type { FaultTools };
