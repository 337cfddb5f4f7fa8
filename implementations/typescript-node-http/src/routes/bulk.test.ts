import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caseUpdateSql, literalInsertSql, valuePlaceholders } from './bulk.js';

describe('bulk SQL builders', () => {
  it('numbers placeholders pairwise', () => {
    assert.equal(valuePlaceholders(3), '($1, $2), ($3, $4), ($5, $6)');
  });

  it('builds one literal multi-row INSERT', () => {
    assert.equal(literalInsertSql(2), "INSERT INTO bulk_items (name, value) VALUES ('item_0', 0), ('item_1', 1)");
  });

  it('builds one UPDATE … CASE statement for ids 1..count', () => {
    assert.equal(caseUpdateSql(2), 'UPDATE bulk_items SET value = CASE id WHEN 1 THEN 10 WHEN 2 THEN 20 END WHERE id IN (1, 2)');
  });
});
