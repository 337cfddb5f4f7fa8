import { defineScenario, groupDuration } from '@lab/engine';

const GROUP = 'No Cache (DB only)';

/** 14 — baseline single-row lookup, straight from PostgreSQL. */
export default defineScenario({
  id: '14-no-cache',
  title: 'No cache: user by id from the database',
  category: 'caching',
  description: 'Single-row primary-key lookup of a random user (1–1000) from PostgreSQL: the baseline for 15 and 16.',
  endpoints: ['cache.users.no-cache'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  // Redis is not read here, but the server runs with it as in 15–16 so the comparison is like for like.
  needs: { postgres: true, redis: true },
  async iteration({ http, check, group }, vu) {
    const id = vu.random.int(1, 1000);
    await group(GROUP, async () => {
      const res = await http.get(`/cache/users/${id}/no-cache`, { endpoint: 'cache.users.no-cache' });
      check('status 200', res.status === 200);
      check('source is database', res.json()?.source === 'database');
    });
  },
  thresholds: [{ trend: groupDuration(GROUP), expr: 'p95 < 100ms' }],
});
