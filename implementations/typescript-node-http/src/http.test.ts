import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError, parseIntParam, pathId, queryInt, queryString } from './http.js';

const q = (text: string) => new URLSearchParams(text);

function assertStatus(fn: () => unknown, status: number): void {
  assert.throws(fn, (error: unknown) => error instanceof HttpError && error.status === status);
}

describe('queryInt', () => {
  const size = { default: 20, min: 1, max: 100 };

  it('returns the default when the parameter is absent or empty', () => {
    assert.equal(queryInt(q(''), 'size', size), 20);
    assert.equal(queryInt(q('size='), 'size', size), 20);
  });

  it('parses integers inside the range, bounds included', () => {
    for (const [text, value] of [['1', 1], ['100', 100], ['42', 42], ['007', 7]] as const) {
      assert.equal(queryInt(q(`size=${encodeURIComponent(text)}`), 'size', size), value, text);
    }
  });

  it('rejects values out of range with 422 instead of clamping', () => {
    for (const text of ['0', '101', '-1', '99999999999999999999']) {
      assertStatus(() => queryInt(q(`size=${text}`), 'size', size), 422);
    }
  });

  it('rejects non-integers with 422', () => {
    for (const text of ['abc', '1.5', '1e3', ' 1', '0x10', '--1', '12abc', '+7']) {
      assertStatus(() => queryInt(q(`size=${encodeURIComponent(text)}`), 'size', size), 422);
    }
  });

  it('requires a parameter that has no default', () => {
    assertStatus(() => queryInt(q(''), 'user_id'), 422);
    assert.equal(queryInt(q('user_id=-5'), 'user_id'), -5);
  });
});

describe('parseIntParam', () => {
  it('accepts the whole safe-integer range by default', () => {
    assert.equal(parseIntParam(String(Number.MAX_SAFE_INTEGER), 'n'), Number.MAX_SAFE_INTEGER);
    assertStatus(() => parseIntParam('9007199254740993', 'n'), 422);
  });
});

describe('pathId', () => {
  it('parses an int4 id', () => {
    assert.equal(pathId('42', 'User not found'), 42);
    assert.equal(pathId('0', 'User not found'), 0);
  });

  it('answers 422 for a non-integer id', () => {
    for (const raw of ['abc', '1.0', '', undefined]) assertStatus(() => pathId(raw, 'User not found'), 422);
  });

  it('answers 404 for an integer no int4 column can hold', () => {
    assertStatus(() => pathId('2147483648', 'User not found'), 404);
    assertStatus(() => pathId('-2147483649', 'User not found'), 404);
    assert.equal(pathId('2147483647', 'User not found'), 2147483647);
  });
});

describe('queryString', () => {
  it('enforces presence and length in characters', () => {
    assert.equal(queryString(q('q=abc'), 'q', 1, 100), 'abc');
    assert.equal(queryString(q(`q=${'é'.repeat(100)}`), 'q', 1, 100), 'é'.repeat(100));
    assertStatus(() => queryString(q(''), 'q', 1, 100), 422);
    assertStatus(() => queryString(q('q='), 'q', 1, 100), 422);
    assertStatus(() => queryString(q(`q=${'a'.repeat(101)}`), 'q', 1, 100), 422);
  });
});
