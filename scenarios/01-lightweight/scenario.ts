import { defineScenario } from '@lab/engine';

/** 01 — bare framework overhead: routing and a tiny JSON body, no I/O. */
export default defineScenario({
  id: '01-lightweight',
  title: 'Lightweight: GET /health',
  category: 'basic',
  description: 'Bare framework overhead: routing plus a tiny JSON serialisation, no database or network I/O.',
  endpoints: ['health'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  async iteration({ http, check }) {
    const res = await http.get('/health', { endpoint: 'health' });
    check('status is 200', res.status === 200);
  },
});
