import { z } from 'zod';
import { defineEndpoint, invalidInput } from '../endpoint-def';
import { intParam } from '../schemas/int-param';
import { Count, Int } from '../schemas/primitives';

/** The two ways each aggregation is written. */
export type AggregationStyle = 'orm' | 'raw';

/** `limit` of the stats endpoints: 1–100, default 10. */
export const StatsQuery = z.object({
  limit: intParam({ min: 1, max: 100, default: 10, description: 'Number of groups (1–100).' }),
});

/** The three counts over `users_wide`. */
export const CountResult = z.strictObject({ count_star: Count, count_id: Count, count_distinct_status: Count });

/** Per-country user statistics over `users_wide`. */
export const CountryStats = z.strictObject({
  country: z.string(),
  user_count: Count,
  total_logins: Count,
  avg_logins: z.number(),
});

/** Per-author post statistics (authors without posts excluded). */
export const AuthorStats = z.strictObject({
  author_id: Int,
  author_name: z.string(),
  post_count: Count,
  total_views: Count,
  avg_views: z.number(),
});

const how = { orm: "the ORM's", raw: 'one hand-written' } as const;

function count<const S extends AggregationStyle>(style: S) {
  return defineEndpoint({
    id: `aggregation.count.${style}`,
    method: 'GET',
    path: `/aggregation/count/${style}`,
    group: 'aggregation',
    summary: `COUNT(*), COUNT(id), COUNT(DISTINCT status) over users_wide with ${how[style]} ${style === 'orm' ? 'three count queries' : 'query'}.`,
    responses: { 200: { description: 'The three counts.', schema: CountResult } },
  });
}

function stats<const K extends 'country' | 'author', const S extends AggregationStyle>(kind: K, style: S) {
  const order = kind === 'country' ? 'user_count DESC, country' : 'post_count DESC, author_id';
  return defineEndpoint({
    id: `aggregation.stats.${kind}.${style}`,
    method: 'GET',
    path: `/aggregation/stats/${kind}/${style}`,
    group: 'aggregation',
    summary: `Per-${kind} statistics (${style}) ORDER BY ${order} LIMIT limit.`,
    query: StatsQuery,
    responses: {
      200: {
        description: `Per-${kind} statistics.`,
        schema: z.array((kind === 'country' ? CountryStats : AuthorStats) as K extends 'country' ? typeof CountryStats : typeof AuthorStats),
      },
      422: invalidInput,
    },
  });
}

/** The 6 aggregation endpoints (scenario 18). */
export const aggregationEndpoints = [
  count('orm'),
  count('raw'),
  stats('country', 'orm'),
  stats('country', 'raw'),
  stats('author', 'orm'),
  stats('author', 'raw'),
] as const;
