import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildMixedReport, fibonacci, jsonSerializeItems } from './server-config.js';

describe('server-config functions', () => {
  it('computes Fibonacci naively', () => {
    assert.deepEqual([1, 2, 10, 20].map(fibonacci), [1, 1, 55, 6765]);
  });

  it('builds the json-serialize items', () => {
    const items = jsonSerializeItems();
    assert.equal(items.length, 10_000);
    assert.deepEqual(items[7], { id: 7, name: 'item_7', email: 'item_7@benchmark.com', value: 21 });
  });

  it('builds the mixed report with ties broken by id', () => {
    const authors = [
      { id: 1, name: 'A1', email: 'a1@x', post_count: 2, total_views: 10 },
      { id: 2, name: 'A2', email: 'a2@x', post_count: 3, total_views: 10 },
      { id: 3, name: 'A3', email: 'a3@x', post_count: 0, total_views: 0 },
      { id: 4, name: 'A4', email: 'a4@x', post_count: 3, total_views: 30 },
    ];
    const report = buildMixedReport(authors);
    assert.deepEqual(report.summary, {
      total_authors: 4,
      total_posts: 8,
      total_views: 50,
      avg_posts_per_author: 2,
      avg_views_per_post: 6.25,
    });
    assert.deepEqual(
      report.top_by_posts.map((e) => e.id),
      [2, 4, 1, 3],
    );
    assert.deepEqual(
      report.top_by_views.map((e) => e.id),
      [4, 1, 2, 3],
    );
    assert.deepEqual(report.top_by_posts[2], { id: 1, name: 'A1', post_count: 2, total_views: 10, avg_views: 5 });
    assert.equal(report.top_by_posts[3]!.avg_views, 0);
  });

  it('reports zero averages for no authors', () => {
    assert.deepEqual(buildMixedReport([]).summary, {
      total_authors: 0,
      total_posts: 0,
      total_views: 0,
      avg_posts_per_author: 0,
      avg_views_per_post: 0,
    });
  });
});
