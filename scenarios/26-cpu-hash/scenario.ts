import { defineScenario } from '@lab/engine';

/** 26 — CPU-bound in native code: one bcrypt hash of cost 12 per request. */
export default defineScenario({
  id: '26-cpu-hash',
  title: 'CPU-bound: GET /cpu/hash (bcrypt, cost 12)',
  category: 'server-config',
  description: 'CPU-bound work in native code: one bcrypt hash of cost 12 per request (a password check at login).',
  endpoints: ['cpu.hash'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  async iteration({ http, check }) {
    const res = await http.get('/cpu/hash', { endpoint: 'cpu.hash' });
    check('status is 200', res.status === 200);
    check('hash generated', res.json()?.hash_length === 60);
  },
});
