import { z } from 'zod';
import { defineEndpoint, invalidInput } from '../endpoint-def';
import { detailBody } from '../schemas/error-body';
import { idParam, intParam } from '../schemas/int-param';
import { Count, ElapsedMs, Int } from '../schemas/primitives';

/** Path parameters `{id}` of `/cache/users/{id}…`. */
export const CacheUserParams = z.object({ id: idParam('User id') });

/** A user read through (or around) the cache; `source` says where it came from. */
export function cachedUser<const S extends readonly ['database'] | readonly ['database', 'cache']>(sources: S) {
  return z.strictObject({
    source: z.enum(sources),
    user_id: Int,
    name: z.string(),
    email: z.string(),
    elapsed_ms: ElapsedMs,
  });
}

const userNotFound = { description: 'Unknown user (misses are not cached).', schema: detailBody('User not found') };

/** GET /cache/users/{id}/no-cache */
export const cacheNoCache = defineEndpoint({
  id: 'cache.users.no-cache',
  method: 'GET',
  path: '/cache/users/{id}/no-cache',
  group: 'caching',
  summary: 'Reads the user from the database, bypassing Redis.',
  params: CacheUserParams,
  responses: {
    200: { description: 'The user, from the database.', schema: cachedUser(['database']) },
    404: userNotFound,
    422: invalidInput,
  },
});

/** GET /cache/users/{id}/cached */
export const cacheCached = defineEndpoint({
  id: 'cache.users.cached',
  method: 'GET',
  path: '/cache/users/{id}/cached',
  group: 'caching',
  summary: 'Cache-aside read of key user:{id} (TTL 300 s).',
  params: CacheUserParams,
  responses: {
    200: { description: 'The user, from the cache or the database.', schema: cachedUser(['database', 'cache']) },
    404: userNotFound,
    422: invalidInput,
  },
});

/** POST /cache/warmup */
export const cacheWarmup = defineEndpoint({
  id: 'cache.warmup',
  method: 'POST',
  path: '/cache/warmup',
  group: 'caching',
  summary: 'Caches users ORDER BY id LIMIT count.',
  query: z.object({
    count: intParam({ min: 1, max: 1000, default: 100, description: 'Number of users to cache (1–1000).' }),
  }),
  responses: {
    200: {
      description: 'How many users were cached and how long it took.',
      schema: z.strictObject({ warmed_count: Count, elapsed_ms: ElapsedMs }),
    },
    422: invalidInput,
  },
});

/** DELETE /cache/flush */
export const cacheFlush = defineEndpoint({
  id: 'cache.flush',
  method: 'DELETE',
  path: '/cache/flush',
  group: 'caching',
  summary: 'FLUSHDB.',
  responses: {
    200: { description: 'Flushed.', schema: z.strictObject({ message: z.literal('Cache flushed') }) },
  },
});

/** DELETE /cache/users/{id} */
export const cacheDeleteUser = defineEndpoint({
  id: 'cache.users.delete',
  method: 'DELETE',
  path: '/cache/users/{id}',
  group: 'caching',
  summary: 'DEL user:{id}.',
  params: CacheUserParams,
  responses: {
    200: {
      description: 'The key and whether it existed.',
      schema: z.strictObject({ deleted: z.string().regex(/^user:-?\d+$/), success: z.boolean() }),
    },
    422: invalidInput,
  },
});

/** The 5 caching endpoints (scenarios 14–16). */
export const cachingEndpoints = [cacheNoCache, cacheCached, cacheWarmup, cacheFlush, cacheDeleteUser] as const;
