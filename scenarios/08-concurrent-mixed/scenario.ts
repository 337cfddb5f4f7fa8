import { type HttpClient, type HttpResponse, defineScenario } from '@lab/engine';

/** One slice of the mix: its share of iterations (percent), the request, and its status check. */
interface Slice {
  share: number;
  check: string;
  expect: number;
  send(http: HttpClient, uid: string): Promise<HttpResponse>;
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
  },
  { share: 15, check: 'external 200', expect: 200, send: (http) => http.get('/external', { endpoint: 'external' }) },
  { share: 15, check: 'protected 200', expect: 200, send: (http) => http.get('/protected', { endpoint: 'protected', headers: PROTECTED_HEADERS }) },
];

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
export default defineScenario({
  id: '08-concurrent-mixed',
  title: 'Concurrent mixed traffic',
  category: 'basic',
  description: 'One request per iteration drawn from a fixed mix: 5% health, 15% echo, 40% user list, 10% user create, 15% external, 15% protected.',
  endpoints: ['health', 'echo', 'users.list', 'users.create', 'external', 'protected'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true, upstream: true },
  freshDatabasePerRun: true,
  async iteration({ http, check }, vu) {
    const slice = pick(vu.random.next() * 100);
    const res = await slice.send(http, `${vu.id}_${vu.iteration}_${Date.now()}`);
    check(slice.check, res.status === slice.expect);
  },
});
