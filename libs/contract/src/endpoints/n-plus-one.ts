import { z } from 'zod';
import { defineEndpoint, invalidInput } from '../endpoint-def';
import { component } from '../schemas/contract-registry';
import { intParam, MAX_OFFSET } from '../schemas/int-param';
import { Count, Int, Timestamp } from '../schemas/primitives';

/** A post as nested under its author (no `author_id`). */
export const AuthorPost = component(
  'AuthorPost',
  z.strictObject({ id: Int, title: z.string(), content: z.string(), view_count: Count, created_at: Timestamp }),
  'A post nested under its author.',
);

/** An author with its posts ORDER BY id. */
export const AuthorWithPosts = component(
  'AuthorWithPosts',
  z.strictObject({
    id: Int,
    name: z.string(),
    email: z.string(),
    bio: z.string(),
    created_at: Timestamp,
    posts: z.array(AuthorPost),
  }),
  'An author with its posts (ORDER BY id).',
);

/** `limit` (1–100, default 20) and `offset` (≥ 0, default 0) of the N+1 endpoints. */
export const NPlusOneQuery = z.object({
  limit: intParam({ min: 1, max: 100, default: 20, description: 'Number of authors (1–100).' }),
  offset: intParam({ min: 0, max: MAX_OFFSET, default: 0, description: 'Authors to skip (0–1000000).' }),
});

function strategy<const S extends 'lazy' | 'eager' | 'subquery'>(name: S, how: string) {
  return defineEndpoint({
    id: `n-plus-one.${name}`,
    method: 'GET',
    path: `/n-plus-one/${name}`,
    group: 'n-plus-one',
    summary: `Authors ORDER BY id OFFSET offset LIMIT limit with their posts; ${how}.`,
    query: NPlusOneQuery,
    responses: {
      200: { description: 'Authors with posts (identical across strategies).', schema: z.array(AuthorWithPosts) },
      422: invalidInput,
    },
  });
}

/** GET /n-plus-one/lazy: 1 + N queries. */
export const nPlusOneLazy = strategy('lazy', '1 + N queries (one per author)');
/** GET /n-plus-one/eager: 1 query (JOIN). */
export const nPlusOneEager = strategy('eager', '1 query (JOIN)');
/** GET /n-plus-one/subquery: 2 queries (authors, then author_id IN (...)). */
export const nPlusOneSubquery = strategy('subquery', '2 queries (authors, then author_id IN (...))');

/** The 3 N+1 endpoints (scenario 11). */
export const nPlusOneEndpoints = [nPlusOneLazy, nPlusOneEager, nPlusOneSubquery] as const;
