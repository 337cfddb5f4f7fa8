import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError, INT4_MAX, MAX_OFFSET, parseIntParam, pathId, queryInt, queryString, ROW_ID } from './http.js';

const q = (text: string) => new URLSearchParams(text);

function assertStatus(fn: () => unknown, status: number): void {
  assert.throws(fn, (error: unknown) => error instanceof HttpError && error.status === status);
}

describe('queryInt', () => {
  const size = { default: 20, min: 1, max: 100 };

  it('returns the default when the parameter is absent', () => {
    assert.equal(queryInt(q(''), 'size', size), 20);
    assert.equal(queryInt(q('other=5'), 'size', size), 20);
  });

  it('rejects an empty value with 422: it is present but not an integer', () => {
    assertStatus(() => queryInt(q('size='), 'size', size), 422);
  });

  it('parses integers inside the range, bounds included', () => {
    for (const [text, value] of [
      ['1', 1],
      ['100', 100],
      ['42', 42],
      ['007', 7],
    ] as const) {
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
    assertStatus(() => queryInt(q(''), 'user_id', ROW_ID), 422);
    assert.equal(queryInt(q('user_id=5'), 'user_id', ROW_ID), 5);
  });

  it("holds row ids, cursors and offsets to the contract's bounds", () => {
    const cases: [string, string, { min?: number; max?: number }][] = [
      ['user_id', '4398046511105', ROW_ID],
      ['user_id', '0', ROW_ID],
      ['user_id', '-5', ROW_ID],
      ['product_id', '2147483648', ROW_ID],
      ['cursor', '9544203041', { min: 0, max: INT4_MAX }],
      ['page', '1000001', { min: 1, max: MAX_OFFSET }],
      ['offset', '1124773556684887293952', { min: 0, max: MAX_OFFSET }],
    ];
    for (const [name, text, range] of cases) assertStatus(() => queryInt(q(`${name}=${text}`), name, range), 422);
    assert.equal(queryInt(q('user_id=2147483647'), 'user_id', ROW_ID), INT4_MAX);
    assert.equal(queryInt(q('page=1000000'), 'page', { min: 1, max: MAX_OFFSET }), MAX_OFFSET);
  });
});

describe('parseIntParam', () => {
  it('accepts the whole safe-integer range by default', () => {
    assert.equal(parseIntParam(String(Number.MAX_SAFE_INTEGER), 'n'), Number.MAX_SAFE_INTEGER);
    assertStatus(() => parseIntParam('9007199254740993', 'n'), 422);
  });
});

describe('pathId', () => {
  it('parses a row id, 1 to 2147483647', () => {
    assert.equal(pathId('42'), 42);
    assert.equal(pathId('1'), 1);
    assert.equal(pathId('2147483647'), 2147483647);
  });

  it('answers 422 for a non-integer id', () => {
    for (const raw of ['abc', '1.0', '', undefined]) assertStatus(() => pathId(raw), 422);
  });

  it('answers 422 for an integer outside 1..2147483647, before any query', () => {
    for (const raw of ['0', '-1', '2147483648', '-2147483649', '4398046511105', '99999999999999999999999']) {
      assertStatus(() => pathId(raw), 422);
    }
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

  it('rejects a NUL character, which PostgreSQL cannot store', () => {
    for (const text of ['a%00b', '%00', 'x%00']) assertStatus(() => queryString(q(`q=${text}`), 'q', 1, 100), 422);
  });
});
