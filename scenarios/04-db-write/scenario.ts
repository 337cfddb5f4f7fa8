import { defineScenario } from '@lab/engine';

/** 04 — one INSERT and its commit per request. */
export default defineScenario({
  id: '04-db-write',
  title: 'DB write: POST /users',
  category: 'basic',
  description: 'Single-row INSERT + commit with a unique e-mail per request.',
  endpoints: ['users.create'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true },
  freshDatabasePerRun: true,
  async iteration({ http, check }, vu) {
    const uid = `${vu.id}_${vu.iteration}_${Date.now()}`;
    const res = await http.post('/users', { name: `Test User ${uid}`, email: `test_${uid}@benchmark.com` }, { endpoint: 'users.create' });
    check('status is 201', res.status === 201);
    check('has id', res.json()?.id !== undefined);
  },
});
