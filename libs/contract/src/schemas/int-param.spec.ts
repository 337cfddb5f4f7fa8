import { describe, expect, it } from 'vitest';
import { idParam, intParam } from './int-param';

describe('intParam', () => {
  const size = intParam({ min: 1, max: 100, default: 20, description: 'size' });
  const id = intParam({ description: 'id' });
  const rowId = idParam('row id');

  it.each([
    [undefined, 20],
    ['1', 1],
    ['100', 100],
    [42, 42],
    ['007', 7],
  ])('size %j → %d', (input, want) => expect(size.parse(input)).toBe(want));

  it.each(['0', '101', '-1', 'abc', '', ' 5', '1.5', '1e2', '0x10', '+5', 1.5, null])('size rejects %j', (input) => {
    expect(size.safeParse(input).success).toBe(false);
  });

  it.each([
    ['-3', -3],
    ['2147483648', 2147483648],
  ])('id %j → %d', (input, want) => expect(id.parse(input)).toBe(want));

  it.each([undefined, 'abc', '99999999999999999999'])('id rejects %j', (input) => {
    expect(id.safeParse(input).success).toBe(false);
  });

  it.each([
    ['1', 1],
    ['2147483647', 2147483647],
  ])('a row id (idParam) %j → %d', (input, want) => expect(rowId.parse(input)).toBe(want));

  it.each(['0', '-3', '2147483648', '4398046511105', 'abc'])('a row id (idParam) rejects %j: PostgreSQL integer ids only', (input) => {
    expect(rowId.safeParse(input).success).toBe(false);
  });
});
