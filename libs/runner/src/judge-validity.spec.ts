import { describe, expect, it } from 'vitest';
import { BENCH_DEFAULTS } from './bench-options';
import { judgeValidity, type RunFigures, type ValidityInput, type Verdict } from './judge-validity';

/** A clean run: 10 VUs at 10 000/s with 1 ms mean latency (Little: L = 10). */
const clean: RunFigures = {
  ratePerSec: 10_000,
  requests: 100_000,
  failedRequests: 0,
  checksPassed: 100_000,
  checksFailed: 0,
  generatorCpuCores: 0.5,
  backgroundCpuCores: 0.02,
  stealCpuCores: 0,
  droppedIterations: 0,
  attemptedIterations: 100_000,
  concurrency: 10,
};

function judge(runs: Partial<RunFigures>[], extra: Partial<ValidityInput> = {}) {
  return judgeValidity({
    runs: runs.map((r) => ({ ...clean, ...r })),
    maxRuns: 10,
    load: { kind: 'closed', vus: 10 },
    limits: BENCH_DEFAULTS.validity,
    ...extra,
  });
}

const three = (r: Partial<RunFigures> = {}) => [r, r, r];

describe('judgeValidity', () => {
  it.each<[string, Partial<RunFigures>[], Partial<ValidityInput>, Verdict, RegExp | undefined]>([
    ['clean runs', three(), {}, 'valid', undefined],
    ['generator CPU at 85 % of its core', three({ generatorCpuCores: 0.85 }), {}, 'generator-bound', /load generator used 85\.0%/],
    ['generator CPU at 84 %', three({ generatorCpuCores: 0.84 }), {}, 'valid', undefined],
    ['rate at 90 % of the calibrated ceiling', three(), { generatorCeilingPerSec: 11_000 }, 'generator-bound', /calibrated ceiling/],
    ['rate below 90 % of the ceiling', three(), { generatorCeilingPerSec: 20_000 }, 'valid', undefined],
    ['1.5 % failed requests', three({ failedRequests: 1_500 }), {}, 'errors', /1\.5% of requests failed/],
    ['exactly 1 % failed requests', three({ failedRequests: 1_000 }), {}, 'valid', undefined],
    ['2 % failed checks', three({ checksFailed: 2_000 }), {}, 'checks-failed', /2\.0% of checks failed/],
    ['background CPU in 2 of 3 runs', [{ backgroundCpuCores: 0.3 }, { backgroundCpuCores: 0.2 }, {}], {}, 'noisy', /2 of 3 runs/],
    ['background CPU in 1 of 3 runs', [{ backgroundCpuCores: 0.3 }, {}, {}], {}, 'valid', undefined],
    ['background CPU plus steal in 2 of 3 runs', [{ stealCpuCores: 0.09 }, { stealCpuCores: 0.2 }, {}], {}, 'noisy', /plus CPU steal .* 2 of 3 runs/],
    ['CV 20 % at maxRuns', [{ ratePerSec: 8_000 }, { ratePerSec: 10_000 }, { ratePerSec: 12_000 }], { maxRuns: 3 }, 'unstable', /CV of ratePerSec/],
    [
      'sweep: capacities 1,000 / 1,500 / 2,000 at maxRuns, even with equal rates',
      [{ capacityPerSec: 1_000 }, { capacityPerSec: 1_500 }, { capacityPerSec: 2_000 }],
      { maxRuns: 3, load: { kind: 'sweep' } },
      'unstable',
      /CV of the sweep capacity across 3 runs is 33\.3%/,
    ],
    [
      'sweep: rates 8,000 / 10,000 / 12,000 with one capacity is stable',
      [
        { ratePerSec: 8_000, capacityPerSec: 1_500 },
        { ratePerSec: 10_000, capacityPerSec: 1_500 },
        { ratePerSec: 12_000, capacityPerSec: 1_500 },
      ],
      { maxRuns: 3, load: { kind: 'sweep' } },
      'valid',
      undefined,
    ],
    [
      'sweep: a run with no capacity counts 0',
      [{ capacityPerSec: 1_500 }, { capacityPerSec: null }, { capacityPerSec: 1_500 }],
      { maxRuns: 3, load: { kind: 'sweep' } },
      'unstable',
      /sweep capacity/,
    ],
    [
      'sweep: capacities 4,000 / 5,000 / 4,000, one step of 1,000 apart, agree to the sweep step',
      [{ capacityPerSec: 4_000 }, { capacityPerSec: 5_000 }, { capacityPerSec: 4_000 }],
      { maxRuns: 3, load: { kind: 'sweep', stepRatePerSec: 1_000 } },
      'valid',
      undefined,
    ],
    [
      'sweep: capacities two steps apart are unstable',
      [{ capacityPerSec: 3_000 }, { capacityPerSec: 5_000 }, { capacityPerSec: 4_000 }],
      { maxRuns: 3, load: { kind: 'sweep', stepRatePerSec: 1_000 } },
      'unstable',
      /CV of the sweep capacity/,
    ],
    [
      'sweep: a run with no capacity is never within a step',
      [{ capacityPerSec: 1_000 }, { capacityPerSec: null }, { capacityPerSec: 1_000 }],
      { maxRuns: 3, load: { kind: 'sweep', stepRatePerSec: 1_000 } },
      'unstable',
      /sweep capacity/,
    ],
    ['CV 20 % before maxRuns', [{ ratePerSec: 8_000 }, { ratePerSec: 10_000 }, { ratePerSec: 12_000 }], {}, 'valid', undefined],
    ["Little's law: VUs idle 30 % of the time", three({ concurrency: 7 }), {}, 'generator-bound', /Little's law: 10 VUs but 7\.00 requests in flight/],
    ["Little's law within 15 %", three({ concurrency: 9 }), {}, 'valid', undefined],
    ["Little's law: 15 in flight for 10 VUs is an instrument error", three({ concurrency: 15 }), {}, 'instrument-error', /cannot exceed its VUs/],
    [
      "Little's law: wrk's synthetic latencies are an instrument error too",
      three({ concurrency: 15 }),
      { driver: 'wrk' },
      'instrument-error',
      /wrk's latencies include synthetic samples/,
    ],
    ["Little's law not applied to open models", three({ concurrency: 1 }), { load: { kind: 'open' } }, 'valid', undefined],
    [
      'open model: 2 % of due iterations dropped',
      three({ droppedIterations: 2_000, attemptedIterations: 100_000 }),
      { load: { kind: 'open' } },
      'overloaded',
      /2\.0% of due iterations \(6000 of 300000\)/,
    ],
    ['open model: 0.5 % dropped', three({ droppedIterations: 500, attemptedIterations: 100_000 }), { load: { kind: 'open-stages' } }, 'valid', undefined],
    ['a crash', three(), { crash: 'exited with code 3' }, 'crashed', /crashed: exited with code 3/],
    ['no runs at all', [], {}, 'crashed', /no measured run/],
    ['no request completed', three({ requests: 0, ratePerSec: 0, concurrency: null }), {}, 'errors', /no request completed/],
  ])('%s', (_name, runs, extra, verdict, reason) => {
    const validity = judge(runs, extra);
    expect(validity.verdict).toBe(verdict);
    if (reason) expect(validity.reasons.join('\n')).toMatch(reason);
    if (verdict !== 'valid') expect(validity.reasons.length).toBeGreaterThan(0);
  });

  it('picks the verdict by precedence and keeps every reason', () => {
    const validity = judge(three({ failedRequests: 5_000, generatorCpuCores: 0.95, backgroundCpuCores: 0.5 }));
    expect(validity.verdict).toBe('errors');
    expect(validity.reasons).toHaveLength(3);
  });

  it('honours a configured error limit', () => {
    const limits = { ...BENCH_DEFAULTS.validity, maxErrorRate: 0.05 };
    expect(judge(three({ failedRequests: 3_000 }), { limits }).verdict).toBe('valid');
  });
});
