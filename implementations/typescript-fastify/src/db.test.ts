import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timestampToIso } from './db.js';

describe('timestampToIso', () => {
  it('reads TIMESTAMP WITHOUT TIME ZONE text as UTC and keeps the fraction', () => {
    assert.equal(timestampToIso('2025-01-01 00:00:00'), '2025-01-01T00:00:00Z');
    assert.equal(timestampToIso('2024-12-16 10:20:03.123456'), '2024-12-16T10:20:03.123456Z');
    assert.equal(new Date(timestampToIso('2024-12-16 10:20:03.5')).getTime(), Date.UTC(2024, 11, 16, 10, 20, 3, 500));
  });
});
