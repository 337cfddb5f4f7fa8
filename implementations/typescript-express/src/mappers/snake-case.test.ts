import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { snakeCaseKey, toSnakeRow } from './snake-case.js';

describe('snakeCaseKey', () => {
  const cases: [string, string][] = [
    ['id', 'id'],
    ['createdAt', 'created_at'],
    ['postalCode', 'postal_code'],
    ['avatarUrl', 'avatar_url'],
    ['field01', 'field_01'],
    ['field45', 'field_45'],
    ['intCol01', 'int_col_01'],
    ['jsonCol05', 'json_col_05'],
    ['tsCol03', 'ts_col_03'],
    ['uuidCol02', 'uuid_col_02'],
    ['varcharCol04', 'varchar_col_04'],
  ];
  for (const [field, column] of cases) it(`${field} → ${column}`, () => assert.equal(snakeCaseKey(field), column));
});

describe('toSnakeRow', () => {
  it('renames every key, renders timestamps and dates, passes JSON and nulls through', () => {
    const row = {
      id: 1,
      createdAt: new Date('2024-12-10T17:35:24.000Z'),
      birthDate: new Date('1978-01-27T00:00:00.000Z'),
      preferences: { lang: 'ko' },
      lastLogin: null,
    };
    assert.deepEqual(toSnakeRow(row, new Set(['birthDate'])), {
      id: 1,
      created_at: '2024-12-10T17:35:24.000Z',
      birth_date: '1978-01-27',
      preferences: { lang: 'ko' },
      last_login: null,
    });
  });
});
