import { defineScenario, groupDuration } from '@lab/engine';

const JOURNEY = 'Journey';
const STEP = {
  login: '1. Log in (JWT)',
  protected: '2. Read protected resource',
  read: '3. Read user',
  update: '4. Update user',
  readBack: '5. Read user back',
} as const;

/** 20 — one user's journey: log in, read a protected resource, read a user, update it, read it back. */
export default defineScenario({
  id: '20-e2e-journey',
  title: 'End-to-end journey',
  category: 'real-world',
  description: 'Log in (JWT) → protected resource → read own user → rename it → read it back; every step a group and the whole journey timed.',
  endpoints: ['auth.login.jwt', 'auth.protected.jwt', 'users.get', 'users.update'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true },
  freshDatabasePerRun: true,
  async iteration({ http, check, group }, vu) {
    // Each VU owns one user, so no other VU can change it between the update and the read-back.
    const userId = ((vu.id - 1) % 1000) + 1;
    const name = `Journey User ${vu.id}-${vu.iteration}`;
    await group(JOURNEY, async () => {
      const token = await group(STEP.login, async () => {
        const res = await http.post(`/auth/login/jwt?user_id=${userId}`, undefined, { endpoint: 'auth.login.jwt' });
        check('login status 200', res.status === 200);
        return res.json()?.access_token as string | undefined;
      });
      if (!check('has access_token', typeof token === 'string')) return;
      const auth = { authorization: `Bearer ${token}` };
      await group(STEP.protected, async () => {
        const res = await http.get('/auth/protected/jwt', { endpoint: 'auth.protected.jwt', headers: auth });
        check('protected status 200', res.status === 200);
        check('protected is own user', res.json()?.user_id === userId);
      });
      await group(STEP.read, async () => {
        const res = await http.get(`/users/${userId}`, { endpoint: 'users.get', headers: auth });
        check('read status 200', res.status === 200);
      });
      await group(STEP.update, async () => {
        const res = await http.put(`/users/${userId}`, { name }, { endpoint: 'users.update', headers: auth });
        check('update status 200', res.status === 200);
        check('update returns new name', res.json()?.name === name);
      });
      await group(STEP.readBack, async () => {
        const res = await http.get(`/users/${userId}`, { endpoint: 'users.get', headers: auth });
        check('read back status 200', res.status === 200);
        check('read back sees update', res.json()?.name === name);
      });
    });
  },
  thresholds: ['errors < 1%', 'checks > 99%', { trend: groupDuration(JOURNEY), expr: 'p95 < 500ms' }],
});
