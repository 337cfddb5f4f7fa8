import { describe, expect, it } from 'vitest';
import { findDifference, parseInstantMs } from './compare';

describe('parseInstantMs', () => {
  it.each([
    ['2025-01-01T00:00:00', Date.UTC(2025, 0, 1)],
    ['2025-01-01 00:00:00.123456', Date.UTC(2025, 0, 1) + 123],
    ['2025-01-01T00:00:00.5Z', Date.UTC(2025, 0, 1) + 500],
    ['2025-01-01T02:00:00+02:00', Date.UTC(2025, 0, 1)],
    ['2025-01-01', null],
    ['User1', null],
  ])('%s', (text, ms) => {
    expect(parseInstantMs(text)).toBe(ms);
  });
});

describe('findDifference', () => {
  it.each<[string, unknown, unknown, string | null]>([
    ['equal timestamps in two renderings', { t: '2025-01-01 00:00:00.123456' }, { t: '2025-01-01T00:00:00.123Z' }, null],
    ['a shifted timestamp', { t: '2025-01-01 00:00:00' }, { t: '2025-01-01T01:00:00' }, '$.t'],
    ['a missing key', { a: 1, b: 2 }, { a: 1 }, '$ (keys)'],
    ['a camelCase key', { created_at: 'x' }, { createdAt: 'x' }, '$ (keys)'],
    ['a dropped row', [1, 2, 3], [1, 2], '$.length'],
    ['reordered rows', [{ id: 1 }, { id: 2 }], [{ id: 2 }, { id: 1 }], '$[0].id'],
    ['floats within tolerance', { avg: 1 / 3 }, { avg: 0.3333333333 }, null],
    ['integers exactly', { n: 10 }, { n: 11 }, '$.n'],
    ['a number as a string', { n: 10 }, { n: '10' }, '$.n'],
    ['an upper-case uuid', ['0f8fad5b-d9cb-469f-a165-70867728950e'], ['0F8FAD5B-D9CB-469F-A165-70867728950E'], '$[0]'],
  ])('%s', (_, expected, actual, path) => {
    expect(findDifference(expected, actual)?.path ?? null).toBe(path);
  });
});
