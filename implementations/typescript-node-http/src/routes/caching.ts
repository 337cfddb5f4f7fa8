import type { AppDeps } from '../deps.js';
import { elapsedSince, HttpError, pathId, queryInt, sendJson } from '../http.js';
import type { Router } from '../router.js';

/** Seconds a cached user lives in Redis. */
export const USER_CACHE_TTL_SECONDS = 300;

/** What is cached under `user:{id}` (as JSON). */
interface CachedUser {
  id: number;
  name: string;
  email: string;
}

const USER_NOT_FOUND = 'User not found';

/** The Redis key of a cached user. */
export function userCacheKey(id: number): string {
  return `user:${id}`;
}

/**
 * Registers the caching endpoints (scenarios 14–16): cache-aside over `users` in Redis with
 * key `user:{id}` and TTL 300 s; misses for unknown users are not cached.
 */
export function registerCachingRoutes(router: Router, { pool, redis }: AppDeps): void {
  const loadUser = async (id: number): Promise<CachedUser | undefined> => {
    const { rows } = await pool.query<CachedUser>('SELECT id, name, email FROM users WHERE id = $1', [id]);
    return rows[0];
  };

  const answer = (source: 'database' | 'cache', user: CachedUser, start: number) => ({
    source,
    user_id: user.id,
    name: user.name,
    email: user.email,
    elapsed_ms: elapsedSince(start),
  });

  router.get('/cache/users/{id}/no-cache', async ({ res, params }) => {
    const start = performance.now();
    const user = await loadUser(pathId(params['id']));
    if (!user) throw new HttpError(404, USER_NOT_FOUND);
    sendJson(res, 200, answer('database', user, start));
  });

  router.get('/cache/users/{id}/cached', async ({ res, params }) => {
    const start = performance.now();
    const id = pathId(params['id']);
    const key = userCacheKey(id);
    const hit = await redis.get(key);
    if (hit !== null) {
      sendJson(res, 200, answer('cache', JSON.parse(hit) as CachedUser, start));
      return;
    }
    const user = await loadUser(id);
    if (!user) throw new HttpError(404, USER_NOT_FOUND);
    await redis.set(key, JSON.stringify({ id: user.id, name: user.name, email: user.email }), 'EX', USER_CACHE_TTL_SECONDS);
    sendJson(res, 200, answer('database', user, start));
  });

  router.post('/cache/warmup', async ({ res, query }) => {
    const count = queryInt(query, 'count', { default: 100, min: 1, max: 1000 });
    const start = performance.now();
    const { rows } = await pool.query<CachedUser>('SELECT id, name, email FROM users ORDER BY id LIMIT $1', [count]);
    // One pipelined round trip for all the SETs.
    const pipeline = redis.pipeline();
    for (const user of rows) {
      pipeline.set(userCacheKey(user.id), JSON.stringify(user), 'EX', USER_CACHE_TTL_SECONDS);
    }
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error !== null);
    if (failed) throw failed[0];
    sendJson(res, 200, { warmed_count: rows.length, elapsed_ms: elapsedSince(start) });
  });

  router.delete('/cache/flush', async ({ res }) => {
    await redis.flushdb();
    sendJson(res, 200, { message: 'Cache flushed' });
  });

  router.delete('/cache/users/{id}', async ({ res, params }) => {
    const id = pathId(params['id']);
    const key = userCacheKey(id);
    const removed = await redis.del(key);
    sendJson(res, 200, { deleted: key, success: removed > 0 });
  });
}
