import { describe, expect, it } from 'vitest';
import type { LoadedManifests } from '@lab/manifest';
import { CliError } from '../cli/errors';
import { needsCatalogue, selectImpls, selectScenarios } from './select-cells';

const catalogue = [
  { id: '01-lightweight', category: 'basic' },
  { id: '02-json-payload', category: 'basic' },
  { id: '09-db-pagination', category: 'db-advanced' },
  { id: '15-with-cache', category: 'caching' },
];

const loaded = {
  impls: [{ id: 'go-fiber' }, { id: 'typescript-node-http' }],
  scenarios: [],
  problems: [{ file: 'implementations/broken/lab.json', path: 'start', message: 'required' }],
} as unknown as LoadedManifests;

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof CliError ? error.code : String(error);
  }
  return 'no error';
};

describe('selectScenarios', () => {
  it.each([
    ['a category selects its scenarios in catalogue order', ['basic'], ['01-lightweight', '02-json-payload']],
    ['all selects every scenario', ['all'], catalogue.map((s) => s.id)],
    [
      'ids stay as given, mixed with categories, without duplicates',
      ['15-with-cache', 'basic', '01-lightweight'],
      ['15-with-cache', '01-lightweight', '02-json-payload'],
    ],
  ])('%s', (_name, requested, expected) => {
    expect(selectScenarios(requested, catalogue)).toEqual(expected);
  });

  it.each([
    ['an unknown id', ['99-nope']],
    ['a category with no scenario here', ['stress']],
  ])('%s is LAB_UNKNOWN_SCENARIO', (_name, requested) => {
    expect(codeOf(() => selectScenarios(requested, catalogue))).toBe('LAB_UNKNOWN_SCENARIO');
  });

  it('needs the catalogue only for all and category names', () => {
    expect([needsCatalogue(['01-lightweight']), needsCatalogue(['basic']), needsCatalogue(['all'])]).toEqual([false, true, true]);
  });
});

describe('selectImpls', () => {
  it('all is every valid implementation present; ids are not repeated', () => {
    expect(selectImpls(['all'], loaded).map((i) => i.id)).toEqual(['go-fiber', 'typescript-node-http']);
    expect(selectImpls(['typescript-node-http', 'all'], loaded).map((i) => i.id)).toEqual(['typescript-node-http', 'go-fiber']);
  });

  it('an unknown id is still LAB_UNKNOWN_IMPL', () => {
    expect(codeOf(() => selectImpls(['ruby-nope'], loaded))).toBe('LAB_UNKNOWN_IMPL');
  });
});
