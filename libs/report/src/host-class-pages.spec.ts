import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadedResult, ResultFile } from '@lab/results';
import { hostClassPages, hostClassSlug } from './host-class-pages';
import { FIXTURE_RESULTS_DIR } from './testing/fixtures';

const resultFixture = () => JSON.parse(readFileSync(join(FIXTURE_RESULTS_DIR, 'go-fiber--01-lightweight.json'), 'utf8')) as ResultFile;

describe('hostClassSlug', () => {
  it('names a folder after the CPU model without trademark signs, and the cores', () => {
    expect(hostClassSlug('Intel(R) Xeon(R) Processor', 2)).toBe('intel-xeon-processor-x2');
    expect(hostClassSlug('AMD EPYC 7B13', 4)).toBe('amd-epyc-7b13-x4');
    expect(hostClassSlug('  ', 2)).toBe('unknown-cpu-x2');
  });
});

describe('hostClassPages', () => {
  const on = (cpuModel: string, verdict: 'valid' | 'noisy', createdAt: string): LoadedResult => {
    const result = resultFixture();
    return {
      file: `${cpuModel}-${createdAt}.json`,
      result: {
        ...result,
        provenance: { ...result.provenance, createdAt, hostFingerprint: { ...result.provenance.hostFingerprint, cpuModel } },
        validity: { ...result.validity, verdict },
      },
    };
  };

  it('puts the class with the most valid cells first, then the one with more cells, then the newest', () => {
    const pages = hostClassPages([
      on('A', 'noisy', '2026-01-03'),
      on('A', 'noisy', '2026-01-03'),
      on('B', 'valid', '2026-01-01'),
      on('C', 'noisy', '2026-01-02'),
    ]);
    expect(pages.map((p) => [p.hostClass, p.results.length, p.validCells])).toEqual([
      [`B ×${pages[0]!.results[0]!.result.provenance.hostFingerprint.cores}`, 1, 1],
      [expect.stringMatching(/^A ×/), 2, 0],
      [expect.stringMatching(/^C ×/), 1, 0],
    ]);
    expect(hostClassPages([on('A', 'noisy', '2026-01-01'), on('C', 'noisy', '2026-01-02')])[0]!.newest).toBe('2026-01-02');
    expect(hostClassPages([])).toEqual([]);
  });
});
