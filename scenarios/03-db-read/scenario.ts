import { defineScenario } from '@lab/engine';

/** 03 — connection pool, a SELECT of all 1,000 users and list serialisation. */
export default defineScenario({
  id: '03-db-read',
  title: 'DB read: GET /users',
  category: 'basic',
  description: 'Connection pool + SELECT of every user (1,000 after a fresh seed, ORDER BY id) + list serialisation.',
  endpoints: ['users.list'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true },
  async iteration({ http, check }) {
    const res = await http.get('/users', { endpoint: 'users.list' });
    check('list status 200', res.status === 200);
    check('list is array', Array.isArray(res.json()));
  },
});
