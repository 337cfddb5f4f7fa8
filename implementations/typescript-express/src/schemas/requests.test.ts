import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { HttpError } from '../http/http-error.js';
import { validate } from '../http/validate.js';
import { AuthorsPageQuery, BulkQuery, EchoBody, FibonacciQuery, IdParams, OptimisticQuery, SearchQuery, UserCreateBody } from './requests.js';

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
    ['n 41', () => validate(FibonacciQuery, { n: '41' })],
    ['max_retries 101', () => validate(OptimisticQuery, { max_retries: '101' })],
    ['id "abc"', () => validate(IdParams, { id: 'abc' })],
    ['id "1.5"', () => validate(IdParams, { id: '1.5' })],
    ['id "1e3"', () => validate(IdParams, { id: '1e3' })],
    ['id ""', () => validate(IdParams, { id: '' })],
    ['a repeated parameter', () => validate(BulkQuery, { count: ['1', '2'] })],
  ];
  for (const [what, run] of rejected) it(`rejects ${what} with 422`, () => assert.equal(statusOf(run), 422));

  it('accepts any integer id (unknown ids are 404 later)', () => {
    assert.deepEqual(validate(IdParams, { id: '-5' }), { id: -5 });
  });
});

describe('bodies', () => {
  it('echo drops extra keys and keeps data optional', () => {
    assert.deepEqual(validate(EchoBody, { message: 'hi', extra: 1 }), { message: 'hi' });
    assert.equal(statusOf(() => validate(EchoBody, { data: {} })), 422);
    assert.equal(statusOf(() => validate(EchoBody, { message: 'x', data: [1] })), 422);
  });

  it('user creation checks name length and the "@"', () => {
    assert.equal(statusOf(() => validate(UserCreateBody, { name: 'a', email: 'a@b' })), 200);
    for (const body of [{ name: '', email: 'a@b' }, { name: 'x'.repeat(101), email: 'a@b' }, { name: 'a', email: 'ab' }, { name: 'a' }, undefined]) {
      assert.equal(statusOf(() => validate(UserCreateBody, body)), 422);
    }
  });

  it('search text is 1–100 characters', () => {
    for (const q of ['', 'x'.repeat(101), undefined]) assert.equal(statusOf(() => validate(SearchQuery, { q })), 422);
    assert.deepEqual(validate(SearchQuery, { q: '%' }), { q: '%', limit: 20 });
  });
});
