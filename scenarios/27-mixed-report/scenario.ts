import { defineScenario } from '@lab/engine';

/** 27 — mixed: a database aggregation, then ranking and a JSON round trip in the application. */
export default defineScenario({
  id: '27-mixed-report',
  title: 'Mixed: GET /mixed/report',
  category: 'server-config',
  description: 'A realistic mix in one request: a database aggregation (I/O) followed by ranking and a JSON round trip of 1,000 rows in the application (CPU).',
  endpoints: ['mixed.report'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true },
  async iteration({ http, check }) {
    const res = await http.get('/mixed/report', { endpoint: 'mixed.report' });
    const body = res.json();
    check('status is 200', res.status === 200);
    check('has summary', body?.summary !== undefined);
    check('has top_by_posts', Array.isArray(body?.top_by_posts) && body.top_by_posts.length > 0);
  },
});
