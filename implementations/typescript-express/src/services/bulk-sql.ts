/**
 * The one multi-row INSERT of `insert-raw`: rows `('item_<i>', i, NOW())` for i in 0..count-1.
 * Literal values are safe here: they are built from integers only.
 */
export function insertRawSql(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `('item_${i}', ${i}, NOW())`);
  return `INSERT INTO bulk_items (name, value, created_at) VALUES ${rows.join(', ')}`;
}

/** The one UPDATE of `update-bulk`: `SET value = CASE id WHEN i THEN i*10 … END WHERE id IN (1..count)`. */
export function updateBulkSql(count: number): string {
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  const whens = ids.map((id) => `WHEN ${id} THEN ${id * 10}`).join(' ');
  return `UPDATE bulk_items SET value = CASE id ${whens} END WHERE id IN (${ids.join(', ')})`;
}

/** The rows of every insert endpoint: `{name: 'item_<i>', value: i}` for i in 0..count-1. */
export function bulkRows(count: number): { name: string; value: number }[] {
  return Array.from({ length: count }, (_, i) => ({ name: `item_${i}`, value: i }));
}
