import { type HttpClient, type HttpResponse, defineScenario } from '@lab/engine';

/** One slice of the mix: its share of iterations (percent), the request, and its status check. */
interface Slice {
  share: number;
  check: string;
  expect: number;
  send(http: HttpClient, uid: string): Promise<HttpResponse>;
  /** Unmeasured clean-up after the request, so the slice leaves the data as it found it. */
  undo?(http: HttpClient, res: HttpResponse): Promise<unknown>;
}

const PROTECTED_HEADERS = { authorization: 'Bearer test-token-12345', 'x-request-id': 'mixed-test' };

/** The original mix, in its order: shares add up to 100. */
const MIX: readonly Slice[] = [
  { share: 5, check: 'health 200', expect: 200, send: (http) => http.get('/health', { endpoint: 'health' }) },
  { share: 15, check: 'echo 200', expect: 200, send: (http) => http.post('/echo', { message: 'mixed', data: {} }, { endpoint: 'echo' }) },
  { share: 40, check: 'users 200', expect: 200, send: (http) => http.get('/users', { endpoint: 'users.list' }) },
  {
    share: 10,
    check: 'create 201',
    expect: 201,
    send: (http, uid) => http.post('/users', { name: `Mixed User ${uid}`, email: `mixed_${uid}@benchmark.com` }, { endpoint: 'users.create' }),
    // The created row is deleted again (unmeasured), so the user list stays at the seeded size
    // whatever the server's speed: a fast server must not list more rows than a slow one.
    undo: (http, res) => http.del(`/users/${res.json()?.id}`, { endpoint: 'users.delete', measure: false }),
  },
  { share: 15, check: 'external 200', expect: 200, send: (http) => http.get('/external', { endpoint: 'external' }) },
  { share: 15, check: 'protected 200', expect: 200, send: (http) => http.get('/protected', { endpoint: 'protected', headers: PROTECTED_HEADERS }) },
];

/** Rows `GET /users` returns now (-1 if it does not answer a list). */
async function countUsers(http: HttpClient): Promise<number> {
  const body = (await http.get('/users')).json();
  return Array.isArray(body) ? body.length : -1;
}

/** The slice for a draw r in [0, 100). */
function pick(r: number): Slice {
  let upper = 0;
  for (const slice of MIX) {
    upper += slice.share;
    if (r < upper) return slice;
  }
  return MIX[MIX.length - 1] as Slice;
}

/** 08 — realistic mixed traffic: fast, DB and I/O-wait requests contending. */
export default defineScenario<{ rowsAtStart: number }>({
  id: '08-concurrent-mixed',
  title: 'Concurrent mixed traffic',
  category: 'basic',
  description:
    'One request per iteration drawn from a fixed mix: 5% health, 15% echo, 40% user list, 10% user create (deleted again, unmeasured), 15% external, 15% protected.',
  endpoints: ['health', 'echo', 'users.list', 'users.create', 'users.delete', 'external', 'protected'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true, upstream: true },
  freshDatabasePerRun: true,
  async iteration({ http, check }, vu) {
    const slice = pick(vu.random.next() * 100);
    const res = await slice.send(http, `${vu.id}_${vu.iteration}_${Date.now()}`);
    check(slice.check, res.status === slice.expect);
    if (slice.undo && res.status === slice.expect) await slice.undo(http, res);
  },
  // The invariant this scenario promises: the user list ends the run as long as it started it.
  setup: async ({ http }) => ({ rowsAtStart: await countUsers(http) }),
  async teardown({ http }, data) {
    return { extras: { 'users.rowsAtStart': data.rowsAtStart, 'users.rowsAtEnd': await countUsers(http) } };
  },
});
