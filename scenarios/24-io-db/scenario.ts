import { defineScenario } from '@lab/engine';

/** 24 — I/O-bound on the database: one GROUP BY over authors and posts per request. */
export default defineScenario({
  id: '24-io-db',
  title: 'I/O-bound: GET /io/db',
  category: 'server-config',
  description: 'I/O-bound work on the database: one GROUP BY over authors and posts per request (1,000 rows back).',
  endpoints: ['io.db'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true },
  async iteration({ http, check }) {
    const res = await http.get('/io/db', { endpoint: 'io.db' });
    check('status is 200', res.status === 200);
    check('has authors', (res.json()?.count ?? 0) > 0);
  },
});
