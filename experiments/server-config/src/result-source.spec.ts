import { mkdtempSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeResultFile, type ResultFile } from '@lab/results';
import type { Point } from './definition';
import { choosePublishedSource, publishPoints } from './result-source';
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
});
