import { mkdtempSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readResultFile, writeResultFile, type ResultFile } from '@lab/results';
import type { Point } from './definition';
import { choosePublishedSource, publishedSources, publishPoints, sourceHostClass } from './result-source';
import { loadFixtureDefinition } from './testing/fixture-outcomes';
import { fixturePointResult } from './testing/fixture-point-result';

const workspaceRoot = resolve(__dirname, '../../..');
let points: Point[];
let root: string;

beforeAll(async () => {
  ({ points } = await loadFixtureDefinition(workspaceRoot));
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'server-config-source-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const on = (point: Point, cpuModel: string): ResultFile => {
  const result = fixturePointResult(point, { ratesPerSec: [10, 11, 12] });
  return { ...result, provenance: { ...result.provenance, hostFingerprint: { ...result.provenance.hostFingerprint, cpuModel, cores: 2 } } };
};
const write = (dir: string, point: Point, cpuModel: string) => writeResultFile(join(root, dir, `${point.id}.json`), on(point, cpuModel));

describe('choosePublishedSource', () => {
  it('takes the published host class with the most points, and none before anything is published', async () => {
    expect(await choosePublishedSource(root, 'server-config', points)).toBeNull();
    await write('results/published/cpu-a-x2/experiments/server-config', points[0]!, 'CPU A');
    await write('results/published/cpu-b-x2/experiments/server-config', points[0]!, 'CPU B');
    await write('results/published/cpu-b-x2/experiments/server-config', points[1]!, 'CPU B');
    // This machine's raw points never change the choice.
    await write('results/raw/experiments/server-config', points[2]!, 'CPU A');
    expect(await choosePublishedSource(root, 'server-config', points)).toEqual({
      dir: join('results', 'published', 'cpu-b-x2', 'experiments', 'server-config'),
      points: 2,
    });
    // Every class, most points first; each folder names its host class.
    const all = await publishedSources(root, 'server-config', points);
    expect(all.map((s) => [sourceHostClass(s.dir), s.points])).toEqual([
      ['cpu-b-x2', 2],
      ['cpu-a-x2', 1],
    ]);
  });
});

describe('publishPoints', () => {
  it('copies the points measured on this host class to its folder and refuses any other', async () => {
    await write('results/raw/experiments/server-config', points[0]!, 'Test CPU');
    await write('results/raw/experiments/server-config', points[1]!, 'Other CPU');
    const done = await publishPoints(root, 'server-config', points, { cpuModel: 'Test CPU', cores: 2 });
    expect(done.dir).toBe(join('results', 'published', 'test-cpu-x2', 'experiments', 'server-config'));
    expect(done.copied).toEqual([`${points[0]!.id}.json`]);
    expect(done.refused).toEqual([{ file: `${points[1]!.id}.json`, why: 'measured on Other CPU ×2, this host is Test CPU ×2' }]);
    expect(await readdir(join(root, done.dir))).toEqual([`${points[0]!.id}.json`]);
  });

  it('replaces an older published copy but never a newer one (Nx can restore an earlier measurement of the same point)', async () => {
    const at = (point: Point, createdAt: string): ResultFile => {
      const result = on(point, 'Test CPU');
      return { ...result, provenance: { ...result.provenance, createdAt } };
    };
    const published = 'results/published/test-cpu-x2/experiments/server-config';
    const [a, b] = [points[0]!, points[1]!];
    await writeResultFile(join(root, published, `${a.id}.json`), at(a, '2026-12-04T23:59:00.000Z'));
    await writeResultFile(join(root, 'results/raw/experiments/server-config', `${a.id}.json`), at(a, '2026-12-04T16:31:00.000Z'));
    await writeResultFile(join(root, published, `${b.id}.json`), at(b, '2026-12-04T10:00:00.000Z'));
    await writeResultFile(join(root, 'results/raw/experiments/server-config', `${b.id}.json`), at(b, '2026-12-05T02:00:00.000Z'));
    const done = await publishPoints(root, 'server-config', points, { cpuModel: 'Test CPU', cores: 2 });
    expect(done.copied).toEqual([`${b.id}.json`]);
    expect(done.refused).toEqual([{ file: `${a.id}.json`, why: expect.stringContaining('before the published copy (2026-12-04T23:59:00.000Z)') }]);
    expect((await readResultFile(join(root, published, `${a.id}.json`))).provenance.createdAt).toBe('2026-12-04T23:59:00.000Z');
    expect((await readResultFile(join(root, published, `${b.id}.json`))).provenance.createdAt).toBe('2026-12-05T02:00:00.000Z');
  });
});
