import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError } from '../http.js';
import { parseUserInput } from './basic.js';

const is422 = (error: unknown) => error instanceof HttpError && error.status === 422;

describe('parseUserInput', () => {
  it('accepts a valid body and drops extra keys', () => {
    assert.deepEqual(parseUserInput({ name: 'Ann', email: 'ann@x.io', admin: true }, false), {
      name: 'Ann',
      email: 'ann@x.io',
    });
  });

  it('counts characters, not bytes or UTF-16 units', () => {
    assert.deepEqual(parseUserInput({ name: '😀'.repeat(100), email: 'a@b' }, false).name, '😀'.repeat(100));
  });

  const invalid: [string, unknown][] = [
    ['not an object', ['x']],
    ['null', null],
    ['missing name', { email: 'a@b' }],
    ['empty name', { name: '', email: 'a@b' }],
    ['long name', { name: 'x'.repeat(101), email: 'a@b' }],
    ['numeric name', { name: 5, email: 'a@b' }],
    ['missing email', { name: 'Ann' }],
    ['email without @', { name: 'Ann', email: 'ann.x.io' }],
    ['long email', { name: 'Ann', email: `${'x'.repeat(254)}@y` }],
    ['a NUL in the name', { name: 'A\u0000nn', email: 'a@b' }],
    ['a NUL in the email', { name: 'Ann', email: 'a\u0000@b' }],
  ];
  for (const [label, body] of invalid) {
    it(`rejects ${label} with 422`, () => assert.throws(() => parseUserInput(body, false), is422));
  }

  it('makes both fields optional for a partial update, with the same rules', () => {
    assert.deepEqual(parseUserInput({}, true), {});
    assert.deepEqual(parseUserInput({ name: 'Bo' }, true), { name: 'Bo' });
    assert.throws(() => parseUserInput({ email: 'nope' }, true), is422);
    assert.throws(() => parseUserInput({ name: null }, true), is422);
    assert.throws(() => parseUserInput({ name: '\u0000' }, true), is422);
  });
});
