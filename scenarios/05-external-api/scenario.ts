import { defineScenario } from '@lab/engine';

/** 05 — waiting on a slow upstream (100 ms) without blocking other requests. */
export default defineScenario({
  id: '05-external-api',
  title: 'External API: GET /external',
  category: 'basic',
  description: 'Non-blocking I/O wait: the server calls the lab upstream stub, which answers after 100 ms.',
  endpoints: ['external'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { upstream: true },
  async iteration({ http, check }) {
    const res = await http.get('/external', { endpoint: 'external' });
    check('status is 200', res.status === 200);
    check('has latency_ms', res.json()?.latency_ms !== undefined);
  },
});
