import type { FastifyInstance } from 'fastify';
import { serve } from '../contract-routes.js';
import type { AppDeps } from '../deps.js';
import { elapsedSince, HttpError } from '../http-error.js';

/** Seconds a cached user lives in Redis. */
export const USER_CACHE_TTL_SECONDS = 300;

/** What is cached under `user:{id}` (as JSON). */
interface CachedUser {
  id: number;
  name: string;
  email: string;
}

type IdParams = { Params: { id: number } };

const USER_NOT_FOUND = 'User not found';

/** The Redis key of a cached user. */
export function userCacheKey(id: number): string {
  return `user:${id}`;
}

/**
 * Registers the caching endpoints (scenarios 14–16): cache-aside over `users` in Redis with
 * key `user:{id}` and TTL 300 s; misses for unknown users are not cached.
 */
export async function cachingRoutes(app: FastifyInstance, { pool, redis }: AppDeps): Promise<void> {
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

  serve<IdParams>(app, 'cache.users.no-cache', async (request) => {
    const start = performance.now();
    const user = await loadUser(request.params.id);
    if (!user) throw new HttpError(404, USER_NOT_FOUND);
    return answer('database', user, start);
  });

  serve<IdParams>(app, 'cache.users.cached', async (request) => {
    const start = performance.now();
    const key = userCacheKey(request.params.id);
    const hit = await redis.get(key);
    if (hit !== null) return answer('cache', JSON.parse(hit) as CachedUser, start);
    const user = await loadUser(request.params.id);
    if (!user) throw new HttpError(404, USER_NOT_FOUND);
    await redis.set(key, JSON.stringify({ id: user.id, name: user.name, email: user.email }), 'EX', USER_CACHE_TTL_SECONDS);
    return answer('database', user, start);
  });

  serve<{ Querystring: { count: number } }>(app, 'cache.warmup', async (request) => {
    const start = performance.now();
    const { rows } = await pool.query<CachedUser>('SELECT id, name, email FROM users ORDER BY id LIMIT $1', [request.query.count]);
    // One pipelined round trip for all the SETs.
    const pipeline = redis.pipeline();
    for (const user of rows) pipeline.set(userCacheKey(user.id), JSON.stringify(user), 'EX', USER_CACHE_TTL_SECONDS);
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error !== null);
    if (failed) throw failed[0];
    return { warmed_count: rows.length, elapsed_ms: elapsedSince(start) };
  });

  serve(app, 'cache.flush', async () => {
    await redis.flushdb();
    return { message: 'Cache flushed' };
  });

  serve<IdParams>(app, 'cache.users.delete', async (request) => {
    const key = userCacheKey(request.params.id);
    const removed = await redis.del(key);
    return { deleted: key, success: removed > 0 };
  });
}
