import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResult } from './parse-result';
import { readResultFile } from './read-result-file';
import type { ResultFile } from './result-schema';
import { fixtureResult } from './testing/fixture-result';
import { useTempDirs } from './testing/temp-dir';
import { writeResultFile } from './write-result-file';

const tempDir = useTempDirs();

/** A ~4 MB result: eight 500 kB extras made of `marker`, then `marker` itself, last. */
function largeResult(marker: string): ResultFile {
  const result = fixtureResult();
  for (let i = 0; i < 8; i++) result.extras[`blob-${i}`] = marker.repeat(500_000);
  result.extras.marker = marker;
  return result;
}

describe('writeResultFile', () => {
  it('writes a file that reads back equal, and leaves no temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'cell.json');
    const result = fixtureResult();
    await writeResultFile(path, result);
    expect(await readResultFile(path)).toEqual(result);
    expect(await readdir(dir)).toEqual(['cell.json']);
  });

  it('creates missing directories and replaces an existing file', async () => {
    const path = join(await tempDir(), 'a', 'b', 'cell.json');
    await writeResultFile(path, fixtureResult());
    const second = fixtureResult();
    second.extras.round = 2;
    await writeResultFile(path, second);
    expect((await readResultFile(path)).extras.round).toBe(2);
  });

  it('refuses an invalid result and writes nothing', async () => {
    const dir = await tempDir();
    const broken = { ...fixtureResult(), plan: { warmupMs: -1 } } as unknown as ResultFile;
    await expect(writeResultFile(join(dir, 'cell.json'), broken)).rejects.toMatchObject({ code: 'LAB_RESULT_INVALID' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports LAB_RESULT_WRITE_FAILED and removes its temp file when the rename fails', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'cell.json', 'occupied'), { recursive: true }); // a non-empty directory in the way
    await expect(writeResultFile(join(dir, 'cell.json'), fixtureResult())).rejects.toMatchObject({
      code: 'LAB_RESULT_WRITE_FAILED',
    });
    expect(await readdir(dir)).toEqual(['cell.json']);
  });

  // Checked by hand with a control: the same loop with a plain in-place fs.writeFile gave
  // hundreds of torn reads (550 in one run); with writeResultFile, none.
  it('never lets a concurrent reader see a partial file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'cell.json');
    const versions = [largeResult('a'), largeResult('b')];
    await writeResultFile(path, versions[0]!);
    let writing = true;
    let reads = 0;
    const reader = (async () => {
      // Raw reads (no validation) so many overlap the writes; each must be a whole document.
      while (writing) {
        const value = JSON.parse(await readFile(path, 'utf8')) as ResultFile;
        const marker = value.extras.marker as string;
        expect(value.extras['blob-7']).toBe(marker.repeat(500_000));
        reads++;
      }
    })();
    for (let i = 1; i <= 12; i++) await writeResultFile(path, versions[i % 2]!);
    writing = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    expect(parseResult(JSON.parse(await readFile(path, 'utf8'))).extras.marker).toBe('a');
    expect(await readdir(dir)).toEqual(['cell.json']);
  }, 60_000);
});
