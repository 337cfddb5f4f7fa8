import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineScenario } from '../define-scenario';
import { normalizeLoad, runScenario } from '../run-scenario';
import { type FixtureServer, startFixtureServer } from '../testing/fixture-server';
import { stagedSchedule } from './open';

describe('stagedSchedule', () => {
  it('spaces each stage evenly at its own rate, stage after stage', () => {
    const s = stagedSchedule([
      { ratePerSec: 10, durationMs: 1000 },
      { ratePerSec: 100, durationMs: 100 },
      { ratePerSec: 20, durationMs: 500 },
    ]);
    expect(s.total).toBe(10 + 10 + 10);
    expect([0, 9, 10, 19, 20, 29].map((i) => [s.stageOf(i), s.offsetMs(i)])).toEqual([
      [0, 0],
      [0, 900],
      [1, 1000],
      [1, 1090],
      [2, 1100],
      [2, 1550],
    ]);
  });

  it('skips a stage too short to hold one iteration', () => {
    const s = stagedSchedule([
      { ratePerSec: 1, durationMs: 500 },
      { ratePerSec: 10, durationMs: 200 },
    ]);
    expect(s.total).toBe(2);
    expect([s.stageOf(0), s.offsetMs(0)]).toEqual([1, 500]);
  });
});

describe('normalizeLoad for open-stages', () => {
  it('scales every stage to the overridden total duration', () => {
    const load = {
      kind: 'open-stages' as const,
      maxInFlight: 8,
      stages: [
        { ratePerSec: 5, durationMs: 3000 },
        { ratePerSec: 50, durationMs: 1000 },
      ],
    };
    expect(normalizeLoad(load, { durationMs: 400 })).toEqual({
      ...load,
      stages: [
        { ratePerSec: 5, durationMs: 300 },
        { ratePerSec: 50, durationMs: 100 },
      ],
    });
    expect(normalizeLoad(load, {})).toBe(load);
  });
});

describe('open-stages load', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('offers exactly each stage rate × duration and tells each iteration its stage', async () => {
    const s = defineScenario({
      id: '93-open-stages',
      title: 'open stages',
      category: 'stress',
      description: 'a 10× step',
      endpoints: ['fixture'],
      load: {
        kind: 'open-stages',
        maxInFlight: 64,
        stages: [
          { ratePerSec: 20, durationMs: 500 },
          { ratePerSec: 200, durationMs: 500 },
          { ratePerSec: 20, durationMs: 500 },
        ],
      },
      async iteration({ http, group }, vu) {
        await group(`stage ${vu.stage}`, () => http.get('/fast'));
      },
    });
    const r = await runScenario(s, { baseUrl: server.baseUrl, driver: 'native' });
    expect(r.loadKind).toBe('open-stages');
    expect(Object.fromEntries(Object.entries(r.groups).map(([k, b]) => [k, b.requests]))).toEqual({ 'stage 0': 10, 'stage 1': 100, 'stage 2': 10 });
    expect(r.iterations.dropped).toBe(0);
  });
});
