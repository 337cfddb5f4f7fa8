import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containsPattern, escapeLike } from './search.js';

describe('escapeLike', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['50%', '50\\%'],
    ['a_b', 'a\\_b'],
    ['back\\slash', 'back\\\\slash'],
    ['%_\\', '\\%\\_\\\\'],
    ["it's", "it's"],
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    it(`escapes ${JSON.stringify(input)}`, () => assert.equal(escapeLike(input), expected));
  }

  it('wraps the escaped text in % for a substring match', () => {
    assert.equal(containsPattern('10%_off'), '%10\\%\\_off%');
  });
});
