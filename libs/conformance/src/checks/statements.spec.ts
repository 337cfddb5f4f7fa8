import { describe, expect, it } from 'vitest';
import { profileOf, statementProfiles } from './statements';

describe('profileOf', () => {
  it('divides every kind by the requests, framework-added statements included', () => {
    const p = profileOf('GET /users', 4, [
      { query: 'BEGIN', calls: 4, rows: 0, blocks: 0 },
      { query: 'SELECT id, name FROM users ORDER BY id', calls: 4, rows: 4000, blocks: 40 },
      { query: 'SELECT $1', calls: 2, rows: 2, blocks: 0 },
      { query: 'ROLLBACK', calls: 4, rows: 0, blocks: 0 },
    ]);
    expect(p).toMatchObject({ endpoint: 'GET /users', requests: 4, perRequest: 3.5, byKind: { BEGIN: 1, ROLLBACK: 1, SELECT: 1.5 } });
    expect(Object.keys(p.byKind)).toEqual(['BEGIN', 'ROLLBACK', 'SELECT']);
    expect(p.statements[0]).toEqual({ query: 'BEGIN', calls: 4 });
  });

  it('counts a WITH query by the statement it leads to', () => {
    expect(profileOf('GET /x', 1, [{ query: 'WITH t AS (SELECT 1) INSERT INTO a SELECT * FROM t', calls: 1, rows: 1, blocks: 0 }]).byKind).toEqual({
      INSERT: 1,
    });
  });
});

describe('statementProfiles', () => {
  it('reads only the statements observations of a report', () => {
    const profile = profileOf('GET /users', 1, []);
    const observations = [
      { check: 'transactions.decrement.lost-updates', endpoint: 'POST /x', message: '', value: 3 },
      { check: 'statements.per-request', endpoint: 'GET /users', message: '', value: profile },
    ];
    expect(statementProfiles({ observations })).toEqual([profile]);
  });
});
