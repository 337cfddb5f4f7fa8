import { describe, expect, it } from 'vitest';
import { ContractError } from './errors';
import { expandPath, matchPath, templateSpecificity } from './path-template';

describe('expandPath', () => {
  it.each([
    ['/users/{id}', { id: 42 }, '/users/42'],
    ['/cache/users/{id}/cached', { id: '7' }, '/cache/users/7/cached'],
    ['/health', {}, '/health'],
    ['/users/{id}', { id: 'a b/c' }, '/users/a%20b%2Fc'],
  ])('%s with %j → %s', (template, params, want) => expect(expandPath(template, params)).toBe(want));

  it('throws LAB_CONTRACT_MISSING_PATH_PARAM for a missing value', () => {
    expect(() => expandPath('/users/{id}', {})).toThrow(ContractError);
    try {
      expandPath('/users/{id}');
    } catch (error) {
      expect((error as ContractError).code).toBe('LAB_CONTRACT_MISSING_PATH_PARAM');
    }
  });
});

describe('matchPath', () => {
  it.each([
    ['/users/{id}', '/users/42', { id: '42' }],
    ['/users/{id}', '/users/a%20b', { id: 'a b' }],
    ['/users/offset', '/users/offset?page=2', {}],
    ['/users/{id}', '/users', null],
    ['/users/{id}', '/users/1/x', null],
    ['/users/offset', '/users/cursor', null],
  ])('%s vs %s → %j', (template, path, want) => expect(matchPath(template, path)).toEqual(want));
});

describe('templateSpecificity', () => {
  it('ranks literal segments above parameters', () => {
    expect(templateSpecificity('/users/offset') > templateSpecificity('/users/{id}')).toBe(true);
  });
});
