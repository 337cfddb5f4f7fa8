import { defineScenario, groupDuration } from '@lab/engine';

const GROUP = 'Pure Hit';

/** 16-a — every lookup is a cache hit (all 1,000 users warmed). */
export default defineScenario({
  id: '16-a-pure-hit',
  title: 'Cache: pure hit',
  category: 'caching',
  description: 'Every user cached in setup, then random cached lookups: the cost of a Redis hit.',
  endpoints: ['cache.flush', 'cache.warmup', 'cache.users.cached'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true, redis: true },
  async setup({ http }) {
    const flush = await http.del('/cache/flush');
    if (!flush.ok) throw new Error(`DELETE /cache/flush answered ${flush.status}: is Redis running?`);
    const warm = await http.post('/cache/warmup?count=1000');
    if (!warm.ok) throw new Error(`POST /cache/warmup answered ${warm.status}`);
  },
  async iteration({ http, check, group, count }, vu) {
    const id = vu.random.int(1, 1000);
    await group(GROUP, async () => {
      const res = await http.get(`/cache/users/${id}/cached`, { endpoint: 'cache.users.cached' });
      const source = res.json()?.source;
      check('status 200', res.status === 200);
      check('source is cache', source === 'cache');
      if (source === 'cache' || source === 'database') count(`source.${source}`);
    });
  },
  async teardown({ http, counters }) {
    await http.del('/cache/flush');
    const hits = counters['source.cache'] ?? 0;
    const misses = counters['source.database'] ?? 0;
    return { extras: { 'cache.hits': hits, 'cache.misses': misses, ...(hits + misses ? { 'cache.hitRatio': hits / (hits + misses) } : {}) } };
  },
  thresholds: [{ trend: groupDuration(GROUP), expr: 'p95 < 10ms' }],
});
