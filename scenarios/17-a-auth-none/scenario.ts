import { defineScenario } from '@lab/engine';

const GROUP = '17-a: No Auth';

/** 17-a — a public endpoint: no token, no database. The reference for 17-b and 17-c. */
export default defineScenario({
  id: '17-a-auth-none',
  title: 'Auth: none (public endpoint)',
  category: 'auth',
  description: 'A public endpoint with no authentication and no database read.',
  endpoints: ['auth.public'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  async iteration({ http, check, group, record }) {
    await group(GROUP, async () => {
      const res = await http.get('/auth/public', { endpoint: 'auth.public' });
      check('status is 200', res.status === 200);
      check('has message', res.json()?.message === 'public endpoint');
      record('auth_none_duration', res.latencyUs / 1000, { unit: 'ms' });
    });
  },
});
