import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { buildReport, fibonacci, serializedItemsBytes } from './report.js';

describe('fibonacci', () => {
  it('matches known values', () => {
    assert.deepEqual([1, 2, 10, 32].map(fibonacci), [1, 1, 55, 2178309]);
  });
});

describe('serializedItemsBytes', () => {
  it('is the compact JSON length of the defined objects', () => {
    assert.equal(serializedItemsBytes(1), '[{"id":0,"name":"item_0","email":"item_0@benchmark.com","value":0}]'.length);
    assert.equal(serializedItemsBytes(), 782_965);
  });
});

describe('buildReport', () => {
  const rows = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, name: `A${i + 1}`, post_count: i % 3, total_views: (i % 3) * 10 }));

  it('sums, averages and gives authors without posts avg_views 0', () => {
    const report = buildReport(rows);
    assert.deepEqual(report.summary, { total_authors: 12, total_posts: 12, total_views: 120, avg_posts_per_author: 1, avg_views_per_post: 10 });
    assert.equal(report.top_by_posts.find((e) => e.post_count === 0)?.avg_views, 0);
  });

  it('orders the top 10 by the key descending, ties by id ascending', () => {
    const ids = buildReport(rows).top_by_posts.map((e) => e.id);
    assert.deepEqual(ids, [3, 6, 9, 12, 2, 5, 8, 11, 1, 4]);
  });
});
