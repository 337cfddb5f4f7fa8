import { defineScenario } from '@lab/engine';

/** fib(27), the value every implementation must return. */
const FIB_27 = 196_418;

/** 25 — CPU-bound on the request thread: naive recursive fib(27) per request. */
export default defineScenario({
  id: '25-cpu-fibonacci',
  title: 'CPU-bound: GET /cpu/fibonacci?n=27',
  category: 'server-config',
  description: 'CPU-bound work on the request thread: naive recursive fib(27) per request, which blocks a single event loop while it runs.',
  endpoints: ['cpu.fibonacci'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  async iteration({ http, check }) {
    const res = await http.get('/cpu/fibonacci?n=27', { endpoint: 'cpu.fibonacci' });
    check('status is 200', res.status === 200);
    check('has result', res.json()?.result === FIB_27);
  },
});
