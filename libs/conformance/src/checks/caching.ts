import { defineCheck } from '../check';
import type { CheckContext } from '../check';
import { expectDetail } from './basic';
import { findDifference } from '../compare';
import { objectBody } from './helpers';

const NO_CACHE = 'GET /cache/users/{id}/no-cache';
const CACHED = 'GET /cache/users/{id}/cached';
const WARMUP = 'POST /cache/warmup';
const FLUSH = 'DELETE /cache/flush';
const DELETE_KEY = 'DELETE /cache/users/{id}';

async function flush(ctx: CheckContext): Promise<void> {
  const body = objectBody(await ctx.call(FLUSH));
  if (body && body.message !== 'Cache flushed')
    ctx.fail('flush', FLUSH, 'message must be "Cache flushed"', { expected: 'Cache flushed', actual: body.message });
}

async function expectSource(
  ctx: CheckContext,
  endpoint: string,
  id: number,
  source: 'cache' | 'database',
  aspect: string,
  why: string,
): Promise<Record<string, unknown> | null> {
  const body = objectBody(await ctx.call(endpoint, { params: { id } }));
  if (body && body.source !== source) ctx.fail(aspect, endpoint, `${why}: source must be "${source}"`, { expected: source, actual: body.source });
  if (body && body.user_id !== id) ctx.fail('user-id', endpoint, `user_id must be ${id}`, { expected: id, actual: body.user_id });
  return body;
}

/** The user as the users table has it, for comparing cached copies. */
async function userRow(ctx: CheckContext, id: number): Promise<{ name: unknown; email: unknown } | null> {
  const body = objectBody(await ctx.call('GET /users/{id}', { params: { id } }));
  return body ? { name: body.name, email: body.email } : null;
}

export const cachingReadThroughCheck = defineCheck({
  id: 'caching.read-through',
  endpoints: [CACHED, NO_CACHE, FLUSH],
  async run(ctx) {
    const id = 7;
    try {
      await flush(ctx);
      const user = await userRow(ctx, id);
      const miss = await expectSource(ctx, CACHED, id, 'database', 'miss', 'first read after a flush');
      const hit = await expectSource(ctx, CACHED, id, 'cache', 'hit', 'second read');
      for (const body of [miss, hit]) {
        if (body && user && (body.name !== user.name || body.email !== user.email)) {
          ctx.fail('user', CACHED, "name and email must be the user's", { expected: user, actual: { name: body.name, email: body.email } });
        }
      }
      await expectSource(ctx, NO_CACHE, id, 'database', 'no-cache', 'no-cache after caching');
      await expectSource(ctx, NO_CACHE, id, 'database', 'no-cache', 'no-cache again');
      expectDetail(ctx, CACHED, await ctx.call(CACHED, { params: { id: 999_999_999 }, expect: 404 }), 'User not found', 'unknown-user');
      // Misses are not cached: the second lookup still answers 404.
      await ctx.call(CACHED, { params: { id: 999_999_999 }, expect: 404 });
      expectDetail(ctx, NO_CACHE, await ctx.call(NO_CACHE, { params: { id: 999_999_999 }, expect: 404 }), 'User not found', 'unknown-user');
    } finally {
      await flush(ctx);
    }
  },
});

export const cachingWarmupCheck = defineCheck({
  id: 'caching.warmup',
  endpoints: [WARMUP, DELETE_KEY, CACHED, FLUSH],
  async run(ctx) {
    try {
      await flush(ctx);
      const warm = objectBody(await ctx.call(WARMUP, { query: { count: 5 } }));
      if (warm && warm.warmed_count !== 5) ctx.fail('count', WARMUP, 'warmup count=5 must warm 5 users', { expected: 5, actual: warm.warmed_count });
      await expectSource(ctx, CACHED, 3, 'cache', 'warmed', 'user 3 after warmup of 5');
      await expectSource(ctx, CACHED, 6, 'database', 'not-warmed', 'user 6 after warmup of 5');
      const deleted = objectBody(await ctx.call(DELETE_KEY, { params: { id: 3 } }));
      if (deleted && (deleted.deleted !== 'user:3' || deleted.success !== true)) {
        ctx.fail('delete', DELETE_KEY, 'deleting a cached key', { expected: { deleted: 'user:3', success: true }, actual: deleted });
      }
      const again = objectBody(await ctx.call(DELETE_KEY, { params: { id: 3 } }));
      if (again && again.success !== false)
        ctx.fail('delete', DELETE_KEY, 'deleting an absent key reports success:false', { expected: false, actual: again.success });
      await expectSource(ctx, CACHED, 3, 'database', 'after-delete', 'user 3 after its key was deleted');
      for (const count of [0, 1001]) await ctx.call(WARMUP, { query: { count }, expect: 422 });
    } finally {
      await flush(ctx);
    }
  },
});

/** The contract's TTL of a cached user, seconds. */
export const USER_CACHE_TTL_S = 300;
/** How much of a fresh TTL may already have passed when the gate reads it, seconds. */
const TTL_SLACK_S = 60;

/** Checks that `user:<id>` holds the user as the contract says, with a fresh TTL; the parsed value or null. */
async function expectCachedUser(
  ctx: CheckContext,
  endpoint: string,
  id: number,
  user: { name: unknown; email: unknown } | null,
  why: string,
): Promise<Record<string, unknown> | null> {
  const key = `user:${id}`;
  const raw = await ctx.redis!.get(key);
  if (raw === null) {
    ctx.fail('stored', endpoint, `${why}: the user must be cached in Redis under ${key}, which does not exist`, { expected: key, actual: null });
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    ctx.fail('value', endpoint, `${why}: Redis ${key} must hold JSON {"id","name","email"}`, { actual: raw.slice(0, 120) });
    return null;
  }
  if (user) ctx.differs('value', endpoint, `${why}: Redis ${key}`, findDifference({ id, name: user.name, email: user.email }, value));
  const ttl = await ctx.redis!.ttl(key);
  if (!(ttl > USER_CACHE_TTL_S - TTL_SLACK_S && ttl <= USER_CACHE_TTL_S)) {
    ctx.fail('ttl', endpoint, `${why}: Redis ${key} must expire after ${USER_CACHE_TTL_S} s, its TTL is ${ttl} s (-1: none)`, {
      expected: USER_CACHE_TTL_S,
      actual: ttl,
    });
  }
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

/**
 * The cache is Redis, as the contract says, not the server's memory: a miss stores `user:<id>`
 * (JSON `{"id","name","email"}`, TTL 300 s), a hit serves what Redis holds (the gate changes the
 * cached name and expects the change back), warmup stores the first `count` users, deleting a
 * key and flushing remove them from Redis.
 */
export const cachingRedisCheck = defineCheck({
  id: 'caching.redis',
  endpoints: [CACHED, WARMUP, DELETE_KEY, FLUSH],
  needsRedis: true,
  async run(ctx) {
    const redis = ctx.redis!;
    const id = 8;
    try {
      await flush(ctx);
      if ((await redis.keys('user:*')).length > 0) ctx.fail('flush', FLUSH, 'after DELETE /cache/flush Redis must hold no user:* key');
      const user = await userRow(ctx, id);
      await expectSource(ctx, CACHED, id, 'database', 'miss', 'first read after a flush');
      const cached = await expectCachedUser(ctx, CACHED, id, user, 'after a miss');
      if (cached && user) {
        const marker = `${String(user.name)} (changed in Redis)`;
        await redis.replaceKeepingTtl(`user:${id}`, JSON.stringify({ ...cached, name: marker }));
        const hit = await expectSource(ctx, CACHED, id, 'cache', 'hit', 'second read');
        if (hit && hit.name !== marker) {
          ctx.fail(
            'reads-redis',
            CACHED,
            `a hit must be served from Redis: the gate changed the name cached under user:${id}, the endpoint still answered the old one`,
            { expected: marker, actual: hit.name },
          );
        }
      }
      await flush(ctx);
      const warmCount = 4;
      await ctx.call(WARMUP, { query: { count: warmCount } });
      for (let warmed = 1; warmed <= warmCount; warmed++)
        await expectCachedUser(ctx, WARMUP, warmed, await userRow(ctx, warmed), `after warmup count=${warmCount}`);
      if ((await redis.get(`user:${warmCount + 1}`)) !== null)
        ctx.fail('warmup-extra', WARMUP, `warmup count=${warmCount} must cache users 1..${warmCount} only`, { actual: `user:${warmCount + 1}` });
      await ctx.call(DELETE_KEY, { params: { id: 2 } });
      if ((await redis.get('user:2')) !== null) ctx.fail('delete', DELETE_KEY, 'DELETE /cache/users/2 must remove user:2 from Redis');
      await flush(ctx);
      const left = await redis.keys('user:*');
      if (left.length > 0) ctx.fail('flush', FLUSH, 'after DELETE /cache/flush Redis must hold no user:* key', { actual: left.slice(0, 5) });
    } finally {
      await flush(ctx);
    }
  },
});

export const cachingChecks = [cachingReadThroughCheck, cachingWarmupCheck, cachingRedisCheck];
