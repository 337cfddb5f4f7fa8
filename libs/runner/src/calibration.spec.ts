import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  calibrationPath,
  ceilingFor,
  deriveCeilings,
  hostHash,
  loadCalibration,
  saveCalibration,
  withProfile,
  type CalibrationMeasurement,
  type ProfileCalibration,
} from './calibration';
import { planCell } from './plan-cell';
import { fixtureManifest, healthScenario } from './testing/fixtures';

const m = (patch: Partial<CalibrationMeasurement>): CalibrationMeasurement => ({
  driver: 'native',
  connections: 10,
  durationMs: 5_000,
  ratePerSec: 30_000,
  requests: 150_000,
  errors: 0,
  generatorCpuCores: 0.5,
  serverCpuCores: 0.5,
  backgroundCpuCores: 0.02,
  p50Us: 300,
  p99Us: 1_000,
  ...patch,
});

const host = { cpuModel: 'Test CPU', cores: 2, memoryBytes: 1 << 30, arch: 'x64', kernel: '6.1', node: 'v20.0.0' };

describe('deriveCeilings', () => {
  it.each([
    [
      'the best generator-bound rate is the ceiling',
      [
        m({ ratePerSec: 31_000, generatorCpuCores: 0.97 }),
        m({ connections: 50, ratePerSec: 39_000, generatorCpuCores: 0.99 }),
        m({ ratePerSec: 45_000, generatorCpuCores: 0.6 }),
      ],
      { status: 'generator-bound', ceilingPerSec: 39_000, bestRatePerSec: 45_000 },
    ],
    [
      'a saturated server: not reached',
      [m({ ratePerSec: 27_000, generatorCpuCores: 0.5, serverCpuCores: 0.99 })],
      { status: 'server-bound', bestRatePerSec: 27_000 },
    ],
    ['neither saturated', [m({ generatorCpuCores: 0.4, serverCpuCores: 0.6 })], { status: 'inconclusive', bestRatePerSec: 30_000 }],
    ['no completed request', [m({ requests: 0 })], { status: 'skipped' }],
  ])('%s', (_name, measurements, expected) => {
    const [ceiling] = deriveCeilings(measurements, ['native']);
    expect(ceiling).toMatchObject({ driver: 'native', ...expected });
    if (expected.status !== 'generator-bound') expect(ceiling!.ceilingPerSec).toBeUndefined();
  });

  it('says honestly that a server-bound driver has a higher ceiling', () => {
    const [ceiling] = deriveCeilings([m({ driver: 'wrk', ratePerSec: 27_000, generatorCpuCores: 0.5, serverCpuCores: 1 })], ['wrk']);
    expect(ceiling!.note).toMatch(/ceiling not reached: server-bound at 27,000 req\/s; the driver's ceiling is higher/);
  });

  it('keeps the skip note of a driver that was not measured', () => {
    expect(deriveCeilings([], ['wrk'], { wrk: 'skipped: wrk not found' })).toEqual([
      { driver: 'wrk', workload: 'bare', status: 'skipped', note: 'skipped: wrk not found' },
    ]);
  });
});

describe('deriveCeilings with workloads', () => {
  it('gives a driver measured with checks a second ceiling, after its bare one, from those settings only', () => {
    const ceilings = deriveCeilings(
      [
        m({ workload: 'bare', ratePerSec: 60_000, generatorCpuCores: 0.97 }),
        m({ workload: 'bare', connections: 50, ratePerSec: 66_000, generatorCpuCores: 0.98 }),
        m({ workload: 'checks', ratePerSec: 52_000, generatorCpuCores: 0.96 }),
        m({ workload: 'checks', connections: 50, ratePerSec: 58_000, generatorCpuCores: 0.7, serverCpuCores: 0.6 }),
        m({ driver: 'wrk', workload: 'bare', ratePerSec: 70_000, generatorCpuCores: 0.6, serverCpuCores: 1 }),
      ],
      ['native', 'wrk'],
    );
    expect(ceilings.map((c) => [c.driver, c.workload, c.status, c.ceilingPerSec, c.bestRatePerSec])).toEqual([
      ['native', 'bare', 'generator-bound', 66_000, 66_000],
      ['native', 'checks', 'generator-bound', 52_000, 58_000],
      ['wrk', 'bare', 'server-bound', undefined, 70_000],
    ]);
  });

  it('reads measurements and ceilings without a workload (files written before workloads) as bare', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-calibration-old-'));
    try {
      const path = join(dir, 'calibration.json');
      const old = {
        version: 1,
        host,
        hostHash: hostHash(host),
        profiles: {
          'default-2core': {
            profile: 'default-2core',
            measuredAt: '2026-11-26T19:01:31.000Z',
            durationMs: 5_000,
            measurements: [m({ ratePerSec: 36_018, generatorCpuCores: 0.98 })],
            ceilings: [{ driver: 'native', status: 'generator-bound', ceilingPerSec: 36_018, bestRatePerSec: 36_018, note: 'ceiling 36,018 req/s' }],
            mechanism: 'cgroup-v1',
          },
        },
      };
      writeFileSync(path, JSON.stringify(old));
      const file = (await loadCalibration(path, host))!;
      expect(ceilingFor(file, 'native', 'default-2core')).toBe(36_018);
      expect(ceilingFor(file, 'native', 'default-2core', 'checks')).toBeUndefined();
      expect(deriveCeilings(file.profiles['default-2core']!.measurements, ['native'])).toMatchObject([{ workload: 'bare', ceilingPerSec: 36_018 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers ceilingFor per workload, bare by default', () => {
    const file = withProfile(undefined, host, {
      profile: 'default-2core',
      measuredAt: '2026-12-04T00:00:00.000Z',
      durationMs: 5_000,
      measurements: [],
      ceilings: [
        { driver: 'native', workload: 'bare', status: 'generator-bound', ceilingPerSec: 66_000, bestRatePerSec: 66_000, note: '' },
        { driver: 'native', workload: 'checks', status: 'generator-bound', ceilingPerSec: 52_000, bestRatePerSec: 58_000, note: '' },
      ],
      mechanism: 'taskset',
    });
    expect([ceilingFor(file, 'native', 'default-2core'), ceilingFor(file, 'native', 'default-2core', 'checks')]).toEqual([66_000, 52_000]);
  });
});

describe('calibration file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lab-calibration-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const entry = (profile: string, ceilingPerSec?: number): ProfileCalibration => ({
    profile,
    measuredAt: '2026-11-26T00:00:00.000Z',
    durationMs: 5_000,
    measurements: [m({})],
    ceilings: [
      ceilingPerSec
        ? { driver: 'native', status: 'generator-bound', ceilingPerSec, bestRatePerSec: ceilingPerSec, note: '' }
        : { driver: 'native', status: 'server-bound', bestRatePerSec: 1, note: '' },
    ],
    mechanism: 'taskset',
  });

  it('lives in LAB_CACHE_DIR, named by the host fingerprint hash', () => {
    expect(calibrationPath(host, { LAB_CACHE_DIR: '/cache' })).toBe(`/cache/calibration-${hostHash(host)}.json`);
    expect(hostHash(host)).toMatch(/^[0-9a-f]{12}$/);
    expect(hostHash({ ...host, cores: 4 })).not.toBe(hostHash(host));
  });

  it('round-trips through save and load, one entry per profile, without leaving temporary files', async () => {
    const path = join(dir, 'sub', 'calibration.json');
    const file = withProfile(withProfile(undefined, host, entry('default-2core', 40_000)), host, entry('none'));
    await saveCalibration(path, file);
    expect(await loadCalibration(path, host)).toEqual(file);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['calibration.json']);
    expect(ceilingFor(file, 'native', 'default-2core')).toBe(40_000);
    expect(ceilingFor(file, 'native', 'none')).toBeUndefined();
    expect(ceilingFor(file, 'wrk', 'default-2core')).toBeUndefined();
  });

  it('ignores a missing, garbled or foreign file', async () => {
    const garbled = join(dir, 'garbled.json');
    writeFileSync(garbled, '{ not json');
    const foreign = join(dir, 'foreign.json');
    await saveCalibration(foreign, withProfile(undefined, { ...host, cores: 8 }, entry('none')));
    expect(await loadCalibration(join(dir, 'missing.json'))).toBeUndefined();
    expect(await loadCalibration(garbled)).toBeUndefined();
    expect(await loadCalibration(foreign, host)).toBeUndefined();
  });

  it('gives planCell its ceiling for the plan driver and profile; LAB_GENERATOR_CEILING still wins', () => {
    const calibration = withProfile(undefined, host, entry('default-2core', 40_000));
    const implementation = { id: 'impl', dir: '/nowhere', manifest: fixtureManifest('node server.mjs') };
    const base = {
      implementation,
      scenario: healthScenario({ kind: 'closed', vus: 8, durationMs: 30_000 }),
      workspaceRoot: '/ws',
      host: { cores: 2 },
      calibration,
    };
    const plan = planCell(base);
    expect([plan.generatorCeilingPerSec, plan.origins.generatorCeilingPerSec]).toEqual([40_000, 'calibration']);
    expect(planCell({ ...base, options: { driver: 'wrk' } }).generatorCeilingPerSec).toBeUndefined();
    expect(planCell({ ...base, options: { profile: 'none' } }).generatorCeilingPerSec).toBeUndefined();
    expect(planCell({ ...base, env: { LAB_GENERATOR_CEILING: '50000' } }).generatorCeilingPerSec).toBe(50_000);
  });

  it('gives an auto plan the ceiling of the driver auto resolved to', () => {
    const calibration = withProfile(undefined, host, {
      ...entry('default-2core', 40_000),
      ceilings: [
        { driver: 'native', status: 'generator-bound', ceilingPerSec: 30_000, bestRatePerSec: 30_000, note: '' },
        { driver: 'loadgen', status: 'generator-bound', ceilingPerSec: 90_000, bestRatePerSec: 90_000, note: '' },
      ],
    });
    const implementation = { id: 'impl', dir: '/nowhere', manifest: fixtureManifest('node server.mjs') };
    const base = {
      implementation,
      scenario: healthScenario({ kind: 'closed', vus: 8, durationMs: 30_000 }),
      workspaceRoot: '/ws',
      host: { cores: 2 },
      calibration,
    };
    expect(planCell({ ...base, autoDriver: { driver: 'loadgen', reason: 'fixed' } }).generatorCeilingPerSec).toBe(90_000);
    expect(planCell({ ...base, autoDriver: { driver: 'native', reason: 'flow' } }).generatorCeilingPerSec).toBe(30_000);
  });
});
