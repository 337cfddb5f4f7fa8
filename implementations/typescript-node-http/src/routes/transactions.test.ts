import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError, INT4_MIN } from '../http.js';
import { decrementedStock } from './transactions.js';

describe('decrementedStock', () => {
  it('subtracts the quantity, below zero too', () => {
    assert.equal(decrementedStock(1000, 3), 997);
    assert.equal(decrementedStock(0, 1000), -1000);
    assert.equal(decrementedStock(INT4_MIN + 1000, 1000), INT4_MIN);
  });

  it("answers 422 'Stock out of range' when PostgreSQL's integer cannot hold the result", () => {
    assert.throws(
      () => decrementedStock(INT4_MIN + 999, 1000),
      (error: unknown) => error instanceof HttpError && error.status === 422 && error.detail === 'Stock out of range',
    );
  });
});
