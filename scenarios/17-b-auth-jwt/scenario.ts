import { type HttpClient, type IterationContext, defineScenario } from '@lab/engine';

const GROUP = '17-b: JWT Protected';

/** Per-run state: one token per VU, obtained on the VU's first iteration. */
interface Tokens {
  byVu: Map<number, string>;
}

/** Logs in as a user of its own (unmeasured) and checks the login like the original's setup did. */
async function login(http: HttpClient, check: IterationContext['check'], vuId: number): Promise<string | undefined> {
  const userId = ((vuId - 1) % 1000) + 1;
  const res = await http.post(`/auth/login/jwt?user_id=${userId}`, undefined, { endpoint: 'auth.login.jwt', measure: false });
  const token = res.json()?.access_token;
  check('login successful', res.status === 200);
  check('has access_token', typeof token === 'string' && token.length > 0);
  return typeof token === 'string' ? token : undefined;
}

/** 17-b — a JWT-protected endpoint: token check plus one database read of the user. */
export default defineScenario<Tokens>({
  id: '17-b-auth-jwt',
  title: 'Auth: JWT-protected endpoint',
  category: 'auth',
  description: 'Bearer jwt token verified, then the user read from the database; one token per VU.',
  endpoints: ['auth.login.jwt', 'auth.protected.jwt'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true, redis: false },
  setup: () => ({ byVu: new Map() }),
  async iteration({ http, check, group, record, setupData }, vu) {
    let token = setupData.byVu.get(vu.id);
    if (token === undefined) {
      token = await login(http, check, vu.id);
      if (token === undefined) return;
      setupData.byVu.set(vu.id, token);
    }
    await group(GROUP, async () => {
      const res = await http.get('/auth/protected/jwt', { endpoint: 'auth.protected.jwt', headers: { authorization: `Bearer ${token}` } });
      check('status is 200', res.status === 200);
      check('auth_type is jwt', res.json()?.auth_type === 'jwt');
      record('jwt_protected_duration', res.latencyUs / 1000, { unit: 'ms' });
    });
  },
});
