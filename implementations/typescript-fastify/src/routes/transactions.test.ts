import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError } from '../http-error.js';
import { decremented } from './transactions.js';
import { storedUserId } from './auth.js';

describe('decremented', () => {
  it('subtracts, negative results included', () => {
    assert.equal(decremented(1000, 1), 999);
    assert.equal(decremented(0, 5), -5);
    assert.equal(decremented(10, -5), 15);
  });

  it('answers 422 when the stock would leave the integer column range', () => {
    for (const [stock, quantity] of [
      [1000, -2147483648],
      [-10, 2147483647],
    ] as const) {
      assert.throws(
        () => decremented(stock, quantity),
        (error: unknown) => error instanceof HttpError && error.statusCode === 422,
      );
    }
    assert.equal(decremented(-1, 2147483647), -2147483648);
  });
});

describe('storedUserId', () => {
  it('accepts decimal ids within int4 only', () => {
    assert.equal(storedUserId('42'), 42);
    for (const text of [null, undefined, '', '-1', '4.2', '2147483648', '99999999999', 'abc', ' 1']) {
      assert.equal(storedUserId(text), undefined, String(text));
    }
  });
});
