import { UnprocessableEntityException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { JsonDepthPipe, MAX_BODY_DEPTH, nestedDeeperThan } from './json-depth.pipe';

const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('nestedDeeperThan', () => {
  it('counts array and object levels', () => {
    expect(nestedDeeperThan({ a: 1 }, 1)).toBe(false);
    expect(nestedDeeperThan({ a: { b: 1 } }, 1)).toBe(true);
    expect(nestedDeeperThan('text', 0)).toBe(false);
    expect(nestedDeeperThan(nested(64), 64)).toBe(false);
    expect(nestedDeeperThan(nested(65), 64)).toBe(true);
  });

  it('walks a very deep value without recursion', () => {
    expect(nestedDeeperThan(nested(100_000), MAX_BODY_DEPTH)).toBe(true);
  });
});

describe('JsonDepthPipe', () => {
  const pipe = new JsonDepthPipe();
  it('rejects only deep bodies', () => {
    expect(() => pipe.transform({ data: nested(MAX_BODY_DEPTH + 1) }, { type: 'body' })).toThrow(UnprocessableEntityException);
    expect(pipe.transform({ message: 'x' }, { type: 'body' })).toEqual({ message: 'x' });
    const query = { q: nested(MAX_BODY_DEPTH + 1) };
    expect(pipe.transform(query, { type: 'query' })).toBe(query);
  });
});
