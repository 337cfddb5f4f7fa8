import { endpoints } from '@lab/contract';
import { describe, expect, it } from 'vitest';
import { endpointKey } from '../contract-view';
import { allChecks } from './index';

describe('the check list', () => {
  const keys = new Set(endpoints.map(endpointKey));

  it('names only endpoints the contract has', () => {
    const unknown = allChecks.flatMap((c) => c.endpoints.filter((e) => !keys.has(e)).map((e) => `${c.id}: ${e}`));
    expect(unknown).toEqual([]);
  });

  it('covers every endpoint of the contract', () => {
    const covered = new Set(allChecks.flatMap((c) => c.endpoints));
    expect([...keys].filter((k) => !covered.has(k))).toEqual([]);
  });

  it('has unique check ids', () => {
    const ids = allChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
