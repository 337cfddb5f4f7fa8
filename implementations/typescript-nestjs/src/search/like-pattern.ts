/** `%q%` with `\`, `%` and `_` escaped by `\` (PostgreSQL's default LIKE escape), so ILIKE matches them literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
