import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { escapeLike } from './like-pattern.js';

describe('escapeLike', () => {
  const cases: [string, string][] = [
    ['Zeppelin', 'Zeppelin'],
    ['100%', '100\\%'],
    ['a_b', 'a\\_b'],
    ['\\', '\\\\'],
    ['%_\\', '\\%\\_\\\\'],
  ];
  for (const [q, escaped] of cases) {
    it(`escapes ${JSON.stringify(q)}`, () => assert.equal(escapeLike(q), escaped));
  }
});
