import { describe, expect, it } from 'vitest';
import { formatResultJson } from './format-result-json';
import { fixtureResult } from './testing/fixture-result';

describe('formatResultJson', () => {
  it('writes what JSON.stringify(value, null, 2) writes when there is no array of numbers', () => {
    const value = { a: 1, b: 'x', c: [{ d: null, e: [] }, 'f'], g: {}, h: undefined, i: [true, false], j: { k: [{}] } };
    expect(formatResultJson(value)).toBe(JSON.stringify(value, null, 2));
  });

  it('writes an array of numbers and nulls on one line, and parses back to the same value', () => {
    const result = fixtureResult();
    result.runs[0]!.timeline = {
      seconds: 3,
      requests: [1, 2, 3],
      errors: [0, 0, 0],
      p50Us: [10, null, 12],
      p99Us: [20, null, 22],
      cpuCores: { server: [0.5, 0.51, 0.49] },
      rssBytes: {},
    };
    const text = formatResultJson(result);
    expect(text).toContain('"p50Us": [10,null,12]');
    expect(text).toContain('"server": [0.5,0.51,0.49]');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(result)));
  });
});
