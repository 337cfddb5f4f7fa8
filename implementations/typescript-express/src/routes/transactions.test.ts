import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { HttpError } from '../http/http-error.js';
import { decrementedStock } from './transactions.js';

const PG_INT_MIN = -2_147_483_648;

describe('decrementedStock', () => {
  it('subtracts the quantity, below zero too, down to the smallest integer', () => {
    assert.equal(decrementedStock(1000, 3), 997);
    assert.equal(decrementedStock(0, 1000), -1000);
    assert.equal(decrementedStock(PG_INT_MIN + 1000, 1000), PG_INT_MIN);
  });

  it("is a 422 'Stock out of range' below PostgreSQL's integer", () => {
    assert.throws(
      () => decrementedStock(PG_INT_MIN + 999, 1000),
      (error: unknown) => error instanceof HttpError && error.status === 422 && error.detail === 'Stock out of range',
    );
  });
});
