import { z } from 'zod';
import { defineEndpoint, invalidInput } from '../endpoint-def';
import { described } from '../schemas/contract-registry';
import { intParam } from '../schemas/int-param';
import { Int, STORABLE_TEXT } from '../schemas/primitives';

/** `q` (1–100 characters, required) and `limit` (1–100, default 20) of both searches. */
export const SearchQuery = z.object({
  q: described(z.string().min(1).max(100).regex(STORABLE_TEXT), 'Search text (1–100 characters, no NUL).'),
  limit: intParam({ min: 1, max: 100, default: 20, description: 'Maximum number of posts (1–100).' }),
});

/** A post found by `/search/like`. */
export const SearchHit = z.strictObject({ id: Int, author_id: Int, title: z.string() });

/** A post found by `/search/fulltext`, with its `ts_rank` (float). */
export const RankedSearchHit = z.strictObject({ id: Int, author_id: Int, title: z.string(), rank: z.number() });

/** GET /search/like */
export const searchLike = defineEndpoint({
  id: 'search.like',
  method: 'GET',
  path: '/search/like',
  group: 'search',
  summary: 'Case-insensitive literal substring match (ILIKE) on title or content, ORDER BY id.',
  query: SearchQuery,
  responses: {
    200: { description: 'Matching posts.', schema: z.array(SearchHit) },
    422: invalidInput,
  },
});

/** GET /search/fulltext */
export const searchFulltext = defineEndpoint({
  id: 'search.fulltext',
  method: 'GET',
  path: '/search/fulltext',
  group: 'search',
  summary: "search_vector @@ plainto_tsquery('english', q), ORDER BY rank DESC, id.",
  query: SearchQuery,
  responses: {
    200: { description: 'Matching posts with their rank.', schema: z.array(RankedSearchHit) },
    422: invalidInput,
  },
});

/** The 2 text-search endpoints. */
export const searchEndpoints = [searchLike, searchFulltext] as const;
