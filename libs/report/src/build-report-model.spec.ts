import { readResultsDir } from '@lab/results';
import { describe, expect, it } from 'vitest';
import { buildReportModel, UNCATEGORISED } from './build-report-model';
import { FIXTURE_RESULTS_DIR } from './testing/fixtures';

describe('buildReportModel', () => {
  it('keeps the newest file of a cell and lists the older one as superseded', async () => {
    const { results } = await readResultsDir(FIXTURE_RESULTS_DIR);
    const original = results[0]!;
    const newer = { file: 'newer.json', result: { ...original.result, provenance: { ...original.result.provenance, createdAt: '2027-01-01T00:00:00.000Z' } } };
    const model = buildReportModel([original, newer]);
    expect(model.cells).toHaveLength(1);
    expect(model.cells[0]!.file).toBe('newer.json');
    expect(model.problems).toEqual([expect.objectContaining({ file: original.file, code: 'SUPERSEDED' })]);
  });

  it('files cells of unknown scenarios under uncategorised', async () => {
    const { results } = await readResultsDir(FIXTURE_RESULTS_DIR);
    expect(new Set(buildReportModel(results).cells.map((c) => c.category))).toEqual(new Set([UNCATEGORISED]));
  });
});
