import { type HttpClient, type HttpResponse, defineScenario, multipart } from '@lab/engine';

/** A stationary mix: no writes and no growing lists, so a memory rise is the server's, not the data's. */
const MIX: ReadonlyArray<{ share: number; check: string; send: (http: HttpClient, id: number) => Promise<HttpResponse> }> = [
  { share: 10, check: 'health 200', send: (http) => http.get('/health', { endpoint: 'health' }) },
  { share: 20, check: 'echo 200', send: (http) => http.post('/echo', { message: 'soak', data: { n: 1 } }, { endpoint: 'echo' }) },
  { share: 30, check: 'user 200', send: (http, id) => http.get(`/users/${id}`, { endpoint: 'users.get' }) },
  { share: 15, check: 'external 200', send: (http) => http.get('/external', { endpoint: 'external' }) },
  {
    share: 15,
    check: 'protected 200',
    send: (http) => http.get('/protected', { endpoint: 'protected', headers: { authorization: 'Bearer test-token-12345' } }),
  },
  {
    share: 10,
    check: 'upload 200',
    send: (http) =>
      http.post('/upload', multipart({ files: { file: { filename: 'soak.txt', contentType: 'text/plain', content: 'x'.repeat(1024) } } }), {
        endpoint: 'upload',
      }),
  },
];

/** 22 — a long steady run watching the server's memory for a leak. */
export default defineScenario({
  id: '22-soak',
  title: 'Soak: 15 minutes steady, server memory over time',
  category: 'stress',
  description: 'A stationary mixed workload for 15 minutes at 10 VUs; the runner samples the server RSS every second and judges the trend for a leak.',
  endpoints: ['health', 'echo', 'users.get', 'external', 'protected', 'upload'],
  load: { kind: 'closed', vus: 10, durationMs: 15 * 60_000 },
  needs: { postgres: true, upstream: true },
  observe: { serverMemory: { intervalMs: 1000, leak: { warmupFraction: 0.2, minGrowthFraction: 0.1, minGrowthBytes: 16 * 1024 * 1024 } } },
  async iteration({ http, check }, vu) {
    const r = vu.random.next() * 100;
    let upper = 0;
    for (const m of MIX) {
      upper += m.share;
      if (r < upper) {
        const res = await m.send(http, vu.random.int(1, 1000));
        check(m.check, res.status === 200);
        return;
      }
    }
  },
  thresholds: ['errors < 1%', 'checks > 99%'],
});
