import { describe, expect, it } from 'vitest';
import { resultFile } from './result-file';

describe('resultFile', () => {
  it('names the default variant, profile and load by the implementation and scenario alone', () => {
    expect(resultFile('results/raw', { implementation: 'go-fiber', scenario: '01-lightweight' })).toBe('results/raw/go-fiber/01-lightweight.json');
    expect(resultFile('results/raw', { implementation: 'go-fiber', variant: 'default', scenario: '01-lightweight' })).toBe(
      'results/raw/go-fiber/01-lightweight.json',
    );
  });

  it('puts a variant on the folder, a profile and an overridden load on the file', () => {
    const cell = { implementation: 'python-flask', variant: 'sync-3', scenario: '09-db-pagination', profile: 'cpu2' };
    expect(resultFile('/ws/results/published', cell)).toBe('/ws/results/published/python-flask--sync-3/09-db-pagination--cpu2.json');
    expect(resultFile('/ws/results/raw', { ...cell, load: { vus: 50 } })).toBe('/ws/results/raw/python-flask--sync-3/09-db-pagination--cpu2--vus50.json');
    expect(resultFile('/ws/results/raw', { ...cell, profile: undefined, load: 'sweep' })).toBe(
      '/ws/results/raw/python-flask--sync-3/09-db-pagination--sweep.json',
    );
  });
});
