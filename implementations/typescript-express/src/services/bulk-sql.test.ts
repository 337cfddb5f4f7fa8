import assert from 'node:assert/strict';
import { it } from 'vitest';
import { bulkRows, insertRawSql, updateBulkSql } from './bulk-sql.js';

it('builds one multi-row INSERT with item_<i>, i', () => {
  assert.equal(insertRawSql(2), "INSERT INTO bulk_items (name, value, created_at) VALUES ('item_0', 0, NOW()), ('item_1', 1, NOW())");
});

it('builds one UPDATE … CASE for ids 1..count', () => {
  assert.equal(updateBulkSql(2), 'UPDATE bulk_items SET value = CASE id WHEN 1 THEN 10 WHEN 2 THEN 20 END WHERE id IN (1, 2)');
});

it('numbers batch rows from 0', () => {
  assert.deepEqual(bulkRows(2), [
    { name: 'item_0', value: 0 },
    { name: 'item_1', value: 1 },
  ]);
});
