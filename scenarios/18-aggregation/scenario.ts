import { defineScenario, groupDuration } from '@lab/engine';

/** One group: the request, the check prefix, what the first row must show, and the p95 limit (ms). */
interface Aggregate {
  group: string;
  path: string;
  endpoint: string;
  prefix: string;
  /** `count_star` for counts; the first row's field for rankings. */
  field: 'count_star' | 'user_count' | 'post_count';
  p95Ms: number;
}

const AGGREGATES: readonly Aggregate[] = [
  { group: 'A. Count ORM', path: '/aggregation/count/orm', endpoint: 'aggregation.count.orm', prefix: 'count orm', field: 'count_star', p95Ms: 300 },
  { group: 'B. Count Raw', path: '/aggregation/count/raw', endpoint: 'aggregation.count.raw', prefix: 'count raw', field: 'count_star', p95Ms: 350 },
  {
    group: 'C. Country Stats ORM',
    path: '/aggregation/stats/country/orm?limit=10',
    endpoint: 'aggregation.stats.country.orm',
    prefix: 'country orm',
    field: 'user_count',
    p95Ms: 250,
  },
  {
    group: 'D. Country Stats Raw',
    path: '/aggregation/stats/country/raw?limit=10',
    endpoint: 'aggregation.stats.country.raw',
    prefix: 'country raw',
    field: 'user_count',
    p95Ms: 250,
  },
  {
    group: 'E. Author Stats ORM',
    path: '/aggregation/stats/author/orm?limit=10',
    endpoint: 'aggregation.stats.author.orm',
    prefix: 'author orm',
    field: 'post_count',
    p95Ms: 150,
  },
  {
    group: 'F. Author Stats Raw',
    path: '/aggregation/stats/author/raw?limit=10',
    endpoint: 'aggregation.stats.author.raw',
    prefix: 'author raw',
    field: 'post_count',
    p95Ms: 150,
  },
];

/** 18 — ORM vs hand-written SQL for COUNT, GROUP BY and JOIN + GROUP BY. */
export default defineScenario({
  id: '18-aggregation',
  title: 'Aggregation: ORM vs raw SQL',
  category: 'real-world',
  description: 'COUNT over users_wide (100,000 rows), GROUP BY country, and authors JOIN posts GROUP BY author, each through the ORM and as hand-written SQL.',
  endpoints: AGGREGATES.map((a) => a.endpoint),
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true },
  async iteration({ http, check, group }) {
    for (const a of AGGREGATES) {
      await group(a.group, async () => {
        const res = await http.get(a.path, { endpoint: a.endpoint });
        const body = res.json();
        check(`${a.prefix} status 200`, res.status === 200);
        if (a.field === 'count_star') {
          check(`${a.prefix} count_star > 0`, body?.count_star > 0);
        } else {
          check(`${a.prefix} has rows`, Array.isArray(body) && body.length > 0);
          check(`${a.prefix} ${a.field} > 0`, body?.[0]?.[a.field] > 0);
        }
      });
    }
  },
  thresholds: AGGREGATES.map((a) => ({ trend: groupDuration(a.group), expr: `p95 < ${a.p95Ms}ms` })),
});
