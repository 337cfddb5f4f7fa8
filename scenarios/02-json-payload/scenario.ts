import { defineScenario } from '@lab/engine';

/** The original built the body once per VU with `Date.now()`; a fixed instant keeps it identical across runs. */
const BODY = {
  message: 'Hello, benchmark!',
  timestamp: 1_735_689_600_000,
  data: { items: [1, 2, 3, 4, 5], nested: { key: 'value' } },
};

/** 02 — JSON parse, validate and serialise. */
export default defineScenario({
  id: '02-json-payload',
  title: 'JSON payload: POST /echo',
  category: 'basic',
  description: 'JSON request parsing, validation and response serialisation (extra keys are dropped by contract).',
  endpoints: ['echo'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  async iteration({ http, check }) {
    const res = await http.post('/echo', BODY, { endpoint: 'echo' });
    check('status is 200', res.status === 200);
    check('echo matches', res.json()?.message === 'Hello, benchmark!');
  },
});
