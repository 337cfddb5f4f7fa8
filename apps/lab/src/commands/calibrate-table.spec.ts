import { describe, expect, it } from 'vitest';
import { deriveCeilings, type ProfileCalibration } from '@lab/runner';
import { makePaint } from '../cli/paint';
import { renderCalibration } from './calibrate-table';

const host = { cpuModel: 'Test CPU', cores: 2, memoryBytes: 1 << 30, arch: 'x64', kernel: '6.1', node: 'v20.0.0' };

/** A profile entry as `lab calibrate` wrote it before workloads existed (run 2 of docs/calibration.md). */
const OLD_ENTRY: ProfileCalibration = JSON.parse(`{
  "profile": "default-2core", "measuredAt": "2026-11-26T19:01:31.000Z", "durationMs": 5000, "mechanism": "cgroup-v1",
  "measurements": [
    { "driver": "native", "connections": 10, "durationMs": 5000, "ratePerSec": 33279, "requests": 166395, "errors": 0,
      "generatorCpuCores": 0.95, "serverCpuCores": 0.75, "backgroundCpuCores": 0, "p50Us": 273, "p99Us": 1660, "quietBefore": true },
    { "driver": "native", "connections": 50, "durationMs": 5000, "ratePerSec": 36018, "requests": 180090, "errors": 0,
      "generatorCpuCores": 0.98, "serverCpuCores": 0.8, "backgroundCpuCores": 0, "p50Us": 1280, "p99Us": 4050, "quietBefore": true }
  ],
  "ceilings": [{ "driver": "native", "status": "generator-bound", "ceilingPerSec": 36018, "bestRatePerSec": 36018, "note": "ceiling 36,018 req/s at 50 connections" }]
}`);

const render = (c: ProfileCalibration) => renderCalibration(c, host, '/cache/calibration.json', makePaint(false));
const rows = (lines: string[], start: string) =>
  lines
    .filter((l) => l.trimStart().startsWith(start))
    .map((l) =>
      l
        .trim()
        .split(/\s{2,}/)
        .slice(0, 4),
    );

describe('renderCalibration', () => {
  it('shows an entry written before workloads as bare', () => {
    const lines = render(OLD_ENTRY);
    expect(rows(lines, 'driver')).toEqual([['driver', 'workload', 'conns', 'req/s']]);
    expect(rows(lines, 'native  bare')).toEqual([
      ['native', 'bare', '10', '33,279'],
      ['native', 'bare', '50', '36,018'],
    ]);
    expect(lines.filter((l) => /^ {2}native +36,018 req\/s/.test(l))).toHaveLength(1);
  });

  it('shows each setting with its workload and the native ceiling both bare and with checks', () => {
    const measurements = [
      ...OLD_ENTRY.measurements.map((m) => ({ ...m, workload: 'bare' as const })),
      ...OLD_ENTRY.measurements.map((m) => ({ ...m, workload: 'checks' as const, ratePerSec: m.ratePerSec - 3_000 })),
    ];
    const lines = render({ ...OLD_ENTRY, measurements, ceilings: deriveCeilings(measurements, ['native']) });
    expect(rows(lines, 'native  checks')).toEqual([
      ['native', 'checks', '10', '30,279'],
      ['native', 'checks', '50', '33,018'],
    ]);
    expect(lines.filter((l) => /^ {2}native {11}36,018 req\/s/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^ {2}native \+ checks +33,018 req\/s/.test(l))).toHaveLength(1);
  });
});
