import { type HttpClient, type IterationContext, defineScenario } from '@lab/engine';

const GROUP = '17-c: Session Protected';

/** Per-run state: one token per VU, obtained on the VU's first iteration. */
interface Tokens {
  byVu: Map<number, string>;
}

/** Logs in as a user of its own (unmeasured) and checks the login like the original's setup did. */
async function login(http: HttpClient, check: IterationContext['check'], vuId: number): Promise<string | undefined> {
  const userId = ((vuId - 1) % 1000) + 1;
  const res = await http.post(`/auth/login/session?user_id=${userId}`, undefined, { endpoint: 'auth.login.session', measure: false });
  const token = res.json()?.session_token;
  check('login successful', res.status === 200);
  check('has session_token', typeof token === 'string' && token.length > 0);
  return typeof token === 'string' ? token : undefined;
}

/** 17-c — a Session-protected endpoint: token check plus one database read of the user. */
export default defineScenario<Tokens>({
  id: '17-c-auth-session',
  title: 'Auth: Session-protected endpoint',
  category: 'auth',
  description: 'Bearer session token verified, then the user read from the database; one token per VU.',
  endpoints: ['auth.login.session', 'auth.protected.session'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true, redis: true },
  setup: () => ({ byVu: new Map() }),
  async iteration({ http, check, group, record, setupData }, vu) {
    let token = setupData.byVu.get(vu.id);
    if (token === undefined) {
      token = await login(http, check, vu.id);
      if (token === undefined) return;
      setupData.byVu.set(vu.id, token);
    }
    await group(GROUP, async () => {
      const res = await http.get('/auth/protected/session', { endpoint: 'auth.protected.session', headers: { authorization: `Bearer ${token}` } });
      check('status is 200', res.status === 200);
      check('auth_type is session', res.json()?.auth_type === 'session');
      record('session_protected_duration', res.latencyUs / 1000, { unit: 'ms' });
    });
  },
});
