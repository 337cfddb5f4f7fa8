/** An author's totals as read from the database. */
export interface AuthorTotals {
  id: number;
  name: string;
  post_count: number;
  total_views: number;
}

/** A top-10 entry of the mixed report. */
export interface ReportEntry extends AuthorTotals {
  avg_views: number;
}

/** `a` before `b` when `key` is larger, ties by id ascending. */
const byDesc = (key: 'post_count' | 'total_views') => (a: ReportEntry, b: ReportEntry) => b[key] - a[key] || a.id - b.id;

/** The CPU phase of `/mixed/report`: per-author averages (0 without posts), totals, and the top 10 by posts and by views. */
export function buildReport(rows: readonly AuthorTotals[]) {
  const entries: ReportEntry[] = rows.map(({ id, name, post_count, total_views }) => ({
    id,
    name,
    post_count,
    total_views,
    avg_views: post_count ? total_views / post_count : 0,
  }));
  const totalPosts = entries.reduce((sum, e) => sum + e.post_count, 0);
  const totalViews = entries.reduce((sum, e) => sum + e.total_views, 0);
  return {
    summary: {
      total_authors: entries.length,
      total_posts: totalPosts,
      total_views: totalViews,
      avg_posts_per_author: entries.length ? totalPosts / entries.length : 0,
      avg_views_per_post: totalPosts ? totalViews / totalPosts : 0,
    },
    top_by_posts: [...entries].sort(byDesc('post_count')).slice(0, 10),
    top_by_views: [...entries].sort(byDesc('total_views')).slice(0, 10),
  };
}

/** Naive doubly recursive Fibonacci (deliberately exponential: it is the CPU load). */
export function fibonacci(n: number): number {
  return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);
}

/** Bytes of the compact JSON of the 10,000 objects `{id, name: item_<i>, email: item_<i>@benchmark.com, value: i*3}`. */
export function serializedItemsBytes(count = 10_000): number {
  const items = Array.from({ length: count }, (_, i) => ({ id: i, name: `item_${i}`, email: `item_${i}@benchmark.com`, value: i * 3 }));
  return Buffer.byteLength(JSON.stringify(items));
}
