import { defineScenario } from '@lab/engine';

/** Steady → 10× → steady again; one group per stage so each reports its own latency and errors. */
const BASE_RATE = 100;
const STAGES = [
  { name: '1. steady', ratePerSec: BASE_RATE, durationMs: 10_000 },
  { name: '2. spike (10x)', ratePerSec: BASE_RATE * 10, durationMs: 10_000 },
  { name: '3. recovery', ratePerSec: BASE_RATE, durationMs: 10_000 },
] as const;

/** 21 — open-model spike: a sudden 10× step in arrival rate and the recovery after it. */
export default defineScenario({
  id: '21-spike',
  title: 'Spike: 10× arrival-rate step',
  category: 'stress',
  description: 'Random user reads arriving at 100/s, then 1,000/s for 10 s, then 100/s again; latency counted from the intended send time.',
  endpoints: ['users.get'],
  load: { kind: 'open-stages', maxInFlight: 2000, stages: STAGES.map(({ ratePerSec, durationMs }) => ({ ratePerSec, durationMs })) },
  needs: { postgres: true },
  async iteration({ http, check, group }, vu) {
    const stage = STAGES[vu.stage] ?? STAGES[0];
    await group(stage.name, async () => {
      const res = await http.get(`/users/${vu.random.int(1, 1000)}`, { endpoint: 'users.get' });
      check('status is 200', res.status === 200);
    });
  },
  thresholds: ['errors < 1%', 'checks > 99%', ...STAGES.map((s) => ({ group: s.name, expr: 'errors < 1%' }))],
  hypotheses: [
    {
      id: 'spike-p99-cost',
      statement: 'How much worse p99 is during the spike than before it',
      metric: 'p99',
      compare: { a: '2. spike (10x)', b: '1. steady' },
    },
    {
      id: 'recovery-p99',
      statement: 'Whether p99 returns to its pre-spike level after the spike (ratio ≈ 1)',
      metric: 'p99',
      compare: { a: '3. recovery', b: '1. steady' },
    },
  ],
});
