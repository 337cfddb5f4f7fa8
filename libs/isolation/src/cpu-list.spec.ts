import { describe, expect, it } from 'vitest';
import { parseCpuList } from './cpu-list';

describe('parseCpuList', () => {
  it.each([
    ['0', [0]],
    ['0-1', [0, 1]],
    ['0,2-3', [0, 2, 3]],
    [' 3,1 \n', [1, 3]],
    ['1,1-2', [1, 2]],
    ['', undefined],
    ['a', undefined],
    ['3-1', undefined],
    ['0,', undefined],
  ])('%j → %j', (text, want) => expect(parseCpuList(text)).toEqual(want));
});
