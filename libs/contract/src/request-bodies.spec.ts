import { describe, expect, it } from 'vitest';
import { EchoBody, UserCreateBody, UserUpdateBody } from './endpoints/basic';

describe('POST /echo body', () => {
  it.each([
    [{ message: 'hi' }, { message: 'hi' }],
    [
      { message: 'hi', data: null },
      { message: 'hi', data: null },
    ],
    [
      { message: 'hi', data: { a: 1 }, timestamp: 1 },
      { message: 'hi', data: { a: 1 } },
    ],
  ])('%j parses to %j (extra keys dropped)', (input, want) => expect(EchoBody.parse(input)).toEqual(want));

  it.each([{}, { message: 1 }, { message: 'hi', data: [1] }, { message: 'hi', data: 'x' }, null])('rejects %j', (input) => {
    expect(EchoBody.safeParse(input).success).toBe(false);
  });
});

describe('user bodies', () => {
  it.each([
    { name: 'A', email: 'a@b' },
    { name: 'x'.repeat(100), email: `${'e'.repeat(250)}@b.io` },
  ])('create accepts %j', (input) => expect(UserCreateBody.safeParse(input).success).toBe(true));

  it.each([
    { name: '', email: 'a@b' },
    { name: 'x'.repeat(101), email: 'a@b' },
    { name: 'A', email: 'no-at-sign' },
    { name: 'A', email: `${'e'.repeat(253)}@b.io` },
    { name: 'A' },
    { email: 'a@b' },
    { name: 1, email: 'a@b' },
  ])('create rejects %j', (input) => expect(UserCreateBody.safeParse(input).success).toBe(false));

  it.each([
    [{}, true],
    [{ name: 'B' }, true],
    [{ email: 'b@c' }, true],
    [{ email: 'bc' }, false],
    [{ name: '' }, false],
  ])('update %j → %s', (input, ok) => expect(UserUpdateBody.safeParse(input).success).toBe(ok));
});
