import { mkdtempSync, rmSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectResults } from './collect-results';
import { FIXTURE_RESULTS_DIR } from './testing/fixtures';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lab-collect-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const place = async (dir: string) => {
  await mkdir(join(root, dir), { recursive: true });
  await copyFile(join(FIXTURE_RESULTS_DIR, 'go-fiber--01-lightweight.json'), join(root, dir, 'go-fiber--01-lightweight.json'));
};

describe('collectResults', () => {
  it('reads host-class and implementation folders, skips experiment folders and absent roots', async () => {
    await place('published/amd-epyc-x2/go-fiber');
    await place('published/amd-epyc-x2/experiments/server-config');
    await place('raw/experiments/server-config');
    const { results, problems } = await collectResults([join(root, 'published'), join(root, 'raw'), join(root, 'absent')]);
    expect(results.map((r) => r.file)).toEqual([join(root, 'published/amd-epyc-x2/go-fiber/go-fiber--01-lightweight.json')]);
    expect(problems).toEqual([]);
  });
});
