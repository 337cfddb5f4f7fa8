import { defineScenario, groupDuration } from '@lab/engine';

const GROUP = 'Pure Miss';
/** Users looked up, and the VUs that share them: each VU owns a disjoint slice of 1–1000. */
const ALL_USERS = 1000;
const MAX_VUS = 10;
const USERS_PER_VU = ALL_USERS / MAX_VUS;

/** 16-b — every lookup is a cache miss: the key is deleted (unmeasured) just before the read. */
export default defineScenario({
  id: '16-b-pure-miss',
  title: 'Cache: pure miss',
  category: 'caching',
  description: 'Delete the key, then read through the cache: a miss, a database read and a cache fill per request.',
  endpoints: ['cache.flush', 'cache.users.delete', 'cache.users.cached'],
  load: { kind: 'closed', vus: MAX_VUS, durationMs: 30_000 },
  needs: { postgres: true, redis: true },
  async setup({ http }) {
    const flush = await http.del('/cache/flush');
    if (!flush.ok) throw new Error(`DELETE /cache/flush answered ${flush.status}: is Redis running?`);
  },
  async iteration({ http, check, group, count }, vu) {
    // The VU's own slice of users, so no other VU can refill the key between the delete and the read.
    const id = 1 + ((vu.id - 1) % MAX_VUS) * USERS_PER_VU + vu.random.int(0, USERS_PER_VU - 1);
    // Preparation, not the thing measured: outside the group and unrecorded.
    await http.del(`/cache/users/${id}`, { endpoint: 'cache.users.delete', measure: false });
    await group(GROUP, async () => {
      const res = await http.get(`/cache/users/${id}/cached`, { endpoint: 'cache.users.cached' });
      const source = res.json()?.source;
      check('status 200', res.status === 200);
      check('source is database', source === 'database');
      if (source === 'cache' || source === 'database') count(`source.${source}`);
    });
  },
  async teardown({ http, counters }) {
    await http.del('/cache/flush');
    const hits = counters['source.cache'] ?? 0;
    const misses = counters['source.database'] ?? 0;
    return { extras: { 'cache.hits': hits, 'cache.misses': misses, ...(hits + misses ? { 'cache.hitRatio': hits / (hits + misses) } : {}) } };
  },
  thresholds: [{ trend: groupDuration(GROUP), expr: 'p95 < 50ms' }],
});
