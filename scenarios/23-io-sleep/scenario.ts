import { defineScenario } from '@lab/engine';

/** 23 — I/O-bound: a non-blocking 100 ms wait per request. */
export default defineScenario({
  id: '23-io-sleep',
  title: 'I/O-bound: GET /io/sleep',
  category: 'server-config',
  description: 'I/O-bound work: a non-blocking 100 ms wait per request, no CPU to speak of. How many requests one process can keep waiting at once.',
  endpoints: ['io.sleep'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  async iteration({ http, check }) {
    const res = await http.get('/io/sleep', { endpoint: 'io.sleep' });
    check('status is 200', res.status === 200);
    check('slept 0.1', res.json()?.slept === 0.1);
  },
});
