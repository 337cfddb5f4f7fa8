import { describe, expect, it } from 'vitest';
import { INT4_MAX, INT4_MIN, isInt4, parseIntText } from './int4';

describe('parseIntText', () => {
  it('parses decimal integer text', () => {
    expect(parseIntText('42')).toBe(42);
    expect(parseIntText('-7')).toBe(-7);
    expect(parseIntText('0007')).toBe(7);
  });

  it('leaves everything else unchanged, for IsInt to reject', () => {
    for (const text of ['', ' 1', '1 ', '+1', '1.5', '1e3', '0x10', 'abc', '9007199254740993']) expect(parseIntText(text)).toBe(text);
    const repeated = ['1', '2'];
    expect(parseIntText(repeated)).toBe(repeated);
    expect(parseIntText(undefined)).toBeUndefined();
  });
});

describe('isInt4', () => {
  it('is PostgreSQL integer range', () => {
    expect(isInt4(INT4_MAX)).toBe(true);
    expect(isInt4(INT4_MIN)).toBe(true);
    expect(isInt4(INT4_MAX + 1)).toBe(false);
    expect(isInt4(INT4_MIN - 1)).toBe(false);
    expect(isInt4(1.5)).toBe(false);
    expect(isInt4(Number.NaN)).toBe(false);
  });
});
