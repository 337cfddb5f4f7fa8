import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { HttpError } from '../http/http-error.js';
import { validate } from '../http/validate.js';
import {
  AuthorsPageQuery,
  BulkQuery,
  CursorQuery,
  DecrementQuery,
  EchoBody,
  FibonacciQuery,
  IdParams,
  LoginQuery,
  OffsetQuery,
  OptimisticQuery,
  SearchQuery,
  UserCreateBody,
  UserUpdateBody,
} from './requests.js';

/** The status `validate` ends with: 200 when it parses, else the HttpError's status. */
function statusOf(run: () => unknown): number {
  try {
    run();
    return 200;
  } catch (error) {
    assert.ok(error instanceof HttpError);
    return error.status;
  }
}

describe('integer parameters', () => {
  it('apply defaults', () => {
    assert.deepEqual(validate(AuthorsPageQuery, {}), { limit: 20, offset: 0 });
    assert.deepEqual(validate(OptimisticQuery, {}), { product_id: 1, quantity: 1, max_retries: 5 });
    assert.deepEqual(validate(BulkQuery, { count: '10000' }), { count: 10000 });
  });

  const rejected: [string, () => unknown][] = [
    ['limit 0', () => validate(AuthorsPageQuery, { limit: '0' })],
    ['limit 101', () => validate(AuthorsPageQuery, { limit: '101' })],
    ['offset -1', () => validate(AuthorsPageQuery, { offset: '-1' })],
    ['count 10001', () => validate(BulkQuery, { count: '10001' })],
    ['n 31', () => validate(FibonacciQuery, { n: '31' })],
    ['n 39', () => validate(FibonacciQuery, { n: '39' })],
    ['id 0', () => validate(IdParams, { id: '0' })],
    ['id -5', () => validate(IdParams, { id: '-5' })],
    ['id 2147483648', () => validate(IdParams, { id: '2147483648' })],
    ['id 4398046511105', () => validate(IdParams, { id: '4398046511105' })],
    ['cursor 9544203041', () => validate(CursorQuery, { cursor: '9544203041' })],
    ['page 1000001', () => validate(OffsetQuery, { page: '1000001' })],
    ['page ""', () => validate(OffsetQuery, { page: '' })],
    ['offset 1124773556684887293952', () => validate(AuthorsPageQuery, { offset: '1124773556684887293952' })],
    ['offset 1000001', () => validate(AuthorsPageQuery, { offset: '1000001' })],
    ['quantity -2147483647', () => validate(DecrementQuery, { product_id: '3', quantity: '-2147483647' })],
    ['quantity 0', () => validate(DecrementQuery, { quantity: '0' })],
    ['quantity 1001', () => validate(DecrementQuery, { quantity: '1001' })],
    ['product_id 2147483648', () => validate(OptimisticQuery, { product_id: '2147483648' })],
    ['user_id 4398046511105', () => validate(LoginQuery, { user_id: '4398046511105' })],
    ['user_id 0', () => validate(LoginQuery, { user_id: '0' })],
    ['max_retries 101', () => validate(OptimisticQuery, { max_retries: '101' })],
    ['id "abc"', () => validate(IdParams, { id: 'abc' })],
    ['id "1.5"', () => validate(IdParams, { id: '1.5' })],
    ['id "1e3"', () => validate(IdParams, { id: '1e3' })],
    ['id ""', () => validate(IdParams, { id: '' })],
    ['a repeated parameter', () => validate(BulkQuery, { count: ['1', '2'] })],
  ];
  for (const [what, run] of rejected) it(`rejects ${what} with 422`, () => assert.equal(statusOf(run), 422));

  it('accepts row ids 1 to 2147483647 (unknown ids are 404 later) and the other bounds inclusive', () => {
    assert.deepEqual(validate(IdParams, { id: '2147483647' }), { id: 2147483647 });
    assert.deepEqual(validate(CursorQuery, { cursor: '2147483647' }), { cursor: 2147483647, size: 20 });
    assert.deepEqual(validate(OffsetQuery, { page: '1000000' }), { page: 1000000, size: 20 });
    assert.deepEqual(validate(AuthorsPageQuery, { offset: '1000000' }), { limit: 20, offset: 1000000 });
    assert.deepEqual(validate(DecrementQuery, { quantity: '1000' }), { product_id: 1, quantity: 1000 });
    assert.deepEqual(validate(FibonacciQuery, {}), { n: 27 });
    assert.deepEqual(validate(FibonacciQuery, { n: '30' }), { n: 30 });
  });
});

describe('bodies', () => {
  it('echo drops extra keys and keeps data optional', () => {
    assert.deepEqual(validate(EchoBody, { message: 'hi', extra: 1 }), { message: 'hi' });
    assert.equal(
      statusOf(() => validate(EchoBody, { data: {} })),
      422,
    );
    assert.equal(
      statusOf(() => validate(EchoBody, { message: 'x', data: [1] })),
      422,
    );
  });

  it('user creation checks name length and the "@"', () => {
    assert.equal(
      statusOf(() => validate(UserCreateBody, { name: 'a', email: 'a@b' })),
      200,
    );
    for (const body of [{ name: '', email: 'a@b' }, { name: 'x'.repeat(101), email: 'a@b' }, { name: 'a', email: 'ab' }, { name: 'a' }, undefined]) {
      assert.equal(
        statusOf(() => validate(UserCreateBody, body)),
        422,
      );
    }
  });

  it('user name and email may not contain NUL', () => {
    for (const body of [
      { name: 'a\u0000b', email: 'a@b' },
      { name: 'a', email: 'a\u0000@b' },
    ]) {
      assert.equal(
        statusOf(() => validate(UserCreateBody, body)),
        422,
      );
      assert.equal(
        statusOf(() => validate(UserUpdateBody, body)),
        422,
      );
    }
  });

  it('search text is 1–100 characters without NUL', () => {
    for (const q of ['', 'x'.repeat(101), undefined, 'a\u0000b', '\u0000'])
      assert.equal(
        statusOf(() => validate(SearchQuery, { q })),
        422,
      );
    assert.deepEqual(validate(SearchQuery, { q: '%' }), { q: '%', limit: 20 });
  });
});
