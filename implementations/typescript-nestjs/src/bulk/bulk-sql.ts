/** The rows of every insert endpoint: `{name: 'item_<i>', value: i}` for i in 0..count-1. */
export function bulkRows(count: number): { name: string; value: number }[] {
  return Array.from({ length: count }, (_, i) => ({ name: `item_${i}`, value: i }));
}

/**
 * The one multi-row INSERT of `insert-raw`: rows `('item_<i>', i)` for i in 0..count-1,
 * `created_at` from the column default. Literal values are safe: built from integers only.
 */
export function insertRawSql(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `('item_${i}', ${i})`);
  return `INSERT INTO bulk_items (name, value) VALUES ${rows.join(', ')}`;
}

/** The CASE expression of `update-bulk`: `CASE id WHEN 1 THEN 10 … END` for ids 1..count (integers only). */
export function valueCaseSql(count: number): string {
  const whens = Array.from({ length: count }, (_, i) => `WHEN ${i + 1} THEN ${(i + 1) * 10}`);
  return `CASE id ${whens.join(' ')} END`;
}
