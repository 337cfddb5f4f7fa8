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
  meanLatencyUs: 1_000,
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
    ['CV 20 % at maxRuns', [{ ratePerSec: 8_000, meanLatencyUs: 1_250 }, { ratePerSec: 10_000 }, { ratePerSec: 12_000, meanLatencyUs: 833 }], { maxRuns: 3 }, 'unstable', /CV of ratePerSec/],
    ['CV 20 % before maxRuns', [{ ratePerSec: 8_000, meanLatencyUs: 1_250 }, { ratePerSec: 10_000 }, { ratePerSec: 12_000, meanLatencyUs: 833 }], {}, 'valid', undefined],
    ["Little's law: VUs idle 30 % of the time", three({ meanLatencyUs: 700 }), {}, 'generator-bound', /Little's law: 10 VUs but rate × mean latency = 7\.00/],
    ["Little's law within 15 %", three({ meanLatencyUs: 900 }), {}, 'valid', undefined],
    ["Little's law not applied to open models", three({ meanLatencyUs: 100 }), { load: { kind: 'open' } }, 'valid', undefined],
    ["Little's law not applied to wrk (its mean is CO-corrected)", three({ meanLatencyUs: 100 }), { driver: 'wrk' }, 'valid', undefined],
    ['a crash', three(), { crash: 'exited with code 3' }, 'crashed', /crashed: exited with code 3/],
    ['no runs at all', [], {}, 'crashed', /no measured run/],
    ['no request completed', three({ requests: 0, ratePerSec: 0, meanLatencyUs: null }), {}, 'errors', /no request completed/],
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
