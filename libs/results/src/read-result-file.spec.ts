import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultFile } from './read-result-file';
import { readResultsDir } from './read-results-dir';
import { fixtureResult } from './testing/fixture-result';
import { useTempDirs } from './testing/temp-dir';
import { writeResultFile } from './write-result-file';

const tempDir = useTempDirs();

describe('readResultFile', () => {
  it.each([
    ['not JSON', '{"schemaVersion": 1,', 'LAB_RESULT_INVALID'],
    ['another schema version', JSON.stringify({ ...fixtureResult(), schemaVersion: 3 }), 'LAB_RESULT_VERSION_MISMATCH'],
    ['a wrong shape', JSON.stringify({ schemaVersion: 1, cell: {} }), 'LAB_RESULT_INVALID'],
  ])('rejects %s with %s naming the file', async (_, text, code) => {
    const file = join(await tempDir(), 'cell.json');
    await writeFile(file, text);
    await expect(readResultFile(file)).rejects.toMatchObject({ code, file });
  });

  it('lists every issue path of a wrong shape', async () => {
    const file = join(await tempDir(), 'cell.json');
    const result = fixtureResult() as unknown as Record<string, any>;
    delete result.provenance;
    result.runs[0].requests = -3;
    await writeFile(file, JSON.stringify(result));
    const error = await readResultFile(file).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'LAB_RESULT_INVALID' });
    const paths = (error as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(['provenance', 'runs[0].requests']);
  });

  it('reports a missing file as LAB_RESULT_UNREADABLE', async () => {
    await expect(readResultFile(join(await tempDir(), 'absent.json'))).rejects.toMatchObject({
      code: 'LAB_RESULT_UNREADABLE',
    });
  });
});

describe('readResultsDir', () => {
  it('returns the valid files and one problem per bad file, sorted by name', async () => {
    const dir = await tempDir();
    await writeResultFile(join(dir, 'b.json'), fixtureResult());
    await writeResultFile(join(dir, 'a.json'), fixtureResult());
    await writeFile(join(dir, 'c.json'), JSON.stringify({ ...fixtureResult(), schemaVersion: 99 }));
    await writeFile(join(dir, 'd.json'), 'nonsense');
    await writeFile(join(dir, '.a.json.123.tmp'), 'partial');
    await writeFile(join(dir, 'notes.txt'), 'ignored');
    await mkdir(join(dir, 'nested.json'));
    const { results, problems } = await readResultsDir(dir);
    expect(results.map((r) => r.file)).toEqual([join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(results[0]!.result).toEqual(fixtureResult());
    expect(problems.map((p) => [p.file, p.error.code])).toEqual([
      [join(dir, 'c.json'), 'LAB_RESULT_VERSION_MISMATCH'],
      [join(dir, 'd.json'), 'LAB_RESULT_INVALID'],
    ]);
  });

  it('throws LAB_RESULT_UNREADABLE for a missing directory', async () => {
    await expect(readResultsDir(join(await tempDir(), 'nope'))).rejects.toMatchObject({
      code: 'LAB_RESULT_UNREADABLE',
    });
  });
});
