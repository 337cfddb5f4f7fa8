/**
 * `q` with the LIKE metacharacters `\`, `%` and `_` escaped by `\` (PostgreSQL's default LIKE
 * escape character), so that a LIKE/ILIKE substring match treats them literally. Prisma's
 * `contains` wraps the value in `%…%` but escapes nothing itself (checked on 7.10: `contains: '%'`
 * matched every post), so the route passes this escaped text to it.
 */
export function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}
