import { defineScenario, groupDuration } from '@lab/engine';

const LIMIT = 20;
const MAX_AUTHORS = 1000;

const STRATEGIES = [
  { group: 'A. Lazy Loading (N+1)', prefix: 'lazy', endpoint: 'n-plus-one.lazy', p95Ms: 500 },
  { group: 'B. Eager Loading (JOIN)', prefix: 'eager', endpoint: 'n-plus-one.eager', p95Ms: 100 },
  { group: 'C. Subquery Loading (IN)', prefix: 'subquery', endpoint: 'n-plus-one.subquery', p95Ms: 100 },
] as const;

/** 11 — lazy (1+N queries) vs JOIN vs IN-list loading of 20 authors with their posts. */
export default defineScenario({
  id: '11-db-n-plus-one',
  title: 'N+1: lazy vs eager vs subquery loading',
  category: 'db-advanced',
  description: '20 authors with their posts, loaded lazily (1+N queries), by JOIN (1 query) or by IN list (2 queries); same random offset for the three.',
  endpoints: STRATEGIES.map((s) => s.endpoint),
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true },
  observe: { queriesPerRequest: { from: 'pg_stat_statements', endpoints: STRATEGIES.map((s) => s.endpoint) } },
  async iteration({ http, check, group }, vu) {
    const offset = vu.random.int(0, MAX_AUTHORS - LIMIT - 1);
    for (const s of STRATEGIES) {
      await group(s.group, async () => {
        const res = await http.get(`/n-plus-one/${s.prefix}?limit=${LIMIT}&offset=${offset}`, { endpoint: s.endpoint });
        const body = res.json();
        check(`${s.prefix} status 200`, res.status === 200);
        check(`${s.prefix} has authors`, Array.isArray(body) && body.length > 0);
        check(`${s.prefix} has posts`, Array.isArray(body?.[0]?.posts) && body[0].posts.length > 0);
      });
    }
  },
  thresholds: STRATEGIES.map((s) => ({ trend: groupDuration(s.group), expr: `p95 < ${s.p95Ms}ms` })),
  hypotheses: [
    {
      id: 'eager-3x-lazy',
      statement: 'Eager loading (JOIN) serves a request at least 3× faster than lazy loading (p50 latency of A ÷ B)',
      metric: 'p50',
      compare: { a: 'A. Lazy Loading (N+1)', b: 'B. Eager Loading (JOIN)' },
      expectRatioAtLeast: 3,
    },
  ],
});
