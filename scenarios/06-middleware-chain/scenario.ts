import { defineScenario } from '@lab/engine';

/** 06 — header parsing and a token check before the handler. */
export default defineScenario({
  id: '06-middleware-chain',
  title: 'Middleware chain: GET /protected',
  category: 'basic',
  description: 'Header parsing plus an auth-like bearer-token check before the handler runs.',
  endpoints: ['protected'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  async iteration({ http, check }, vu) {
    const res = await http.get('/protected', {
      endpoint: 'protected',
      headers: { authorization: 'Bearer test-token-12345', 'x-request-id': `req-${vu.id}-${vu.iteration}` },
    });
    check('status is 200', res.status === 200);
    check('access granted', res.json()?.message === 'Access granted');
  },
});
