import { Router } from 'express';
import type { Deps } from '../deps.js';
import { elapsedMs, nowMs } from '../http/elapsed.js';
import { HttpError } from '../http/http-error.js';
import { validate } from '../http/validate.js';
import { IdParams, WarmupQuery } from '../schemas/requests.js';

/** Time to live of a cached user, in seconds. */
export const USER_CACHE_TTL_SECONDS = 300;

/** The Redis key of user `id`. */
export const userCacheKey = (id: number): string => `user:${id}`;

const cachedFields = { id: true, name: true, email: true } as const;

/** /cache/* (scenarios 14–16): cache-aside over `users` with ioredis. */
export function cachingRouter({ prisma, redis }: Deps): Router {
  const router = Router();

  const readUser = async (id: number) => {
    const user = await prisma.user.findUnique({ where: { id }, select: cachedFields });
    if (!user) throw new HttpError(404, 'User not found');
    return user;
  };

  router.get('/cache/users/:id/no-cache', async (req, res) => {
    const { id } = validate(IdParams, req.params);
    const start = nowMs();
    const user = await readUser(id);
    res.json({ source: 'database', user_id: user.id, name: user.name, email: user.email, elapsed_ms: elapsedMs(start) });
  });

  router.get('/cache/users/:id/cached', async (req, res) => {
    const { id } = validate(IdParams, req.params);
    const start = nowMs();
    const hit = await redis.get(userCacheKey(id));
    if (hit !== null) {
      const user = JSON.parse(hit) as { id: number; name: string; email: string };
      res.json({ source: 'cache', user_id: user.id, name: user.name, email: user.email, elapsed_ms: elapsedMs(start) });
      return;
    }
    const user = await readUser(id); // a miss for an unknown id is a 404 and is not cached
    await redis.set(userCacheKey(id), JSON.stringify(user), 'EX', USER_CACHE_TTL_SECONDS);
    res.json({ source: 'database', user_id: user.id, name: user.name, email: user.email, elapsed_ms: elapsedMs(start) });
  });

  router.post('/cache/warmup', async (req, res) => {
    const { count } = validate(WarmupQuery, req.query);
    const start = nowMs();
    const users = await prisma.user.findMany({ select: cachedFields, orderBy: { id: 'asc' }, take: count });
    // One pipelined round trip for all the SETs.
    const pipeline = redis.pipeline();
    for (const user of users) pipeline.set(userCacheKey(user.id), JSON.stringify(user), 'EX', USER_CACHE_TTL_SECONDS);
    await pipeline.exec();
    res.json({ warmed_count: users.length, elapsed_ms: elapsedMs(start) });
  });

  router.delete('/cache/flush', async (_req, res) => {
    await redis.flushdb();
    res.json({ message: 'Cache flushed' });
  });

  router.delete('/cache/users/:id', async (req, res) => {
    const { id } = validate(IdParams, req.params);
    const removed = await redis.del(userCacheKey(id));
    res.json({ deleted: userCacheKey(id), success: removed > 0 });
  });

  return router;
}
