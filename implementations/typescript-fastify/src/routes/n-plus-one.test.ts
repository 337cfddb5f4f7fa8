import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachPosts, groupAuthorRows, type AuthorPostRow } from './n-plus-one.js';

const author = (id: number) => ({
  id,
  name: `Author${id}`,
  email: `author${id}@benchmark.com`,
  bio: null,
  created_at: '2025-01-01T00:00:00Z',
});
const post = (id: number) => ({
  id,
  title: `Post ${id}`,
  content: `Content ${id}`,
  view_count: id * 10,
  created_at: '2025-01-02T00:00:00Z',
});
const joined = (authorId: number, postId: number | null): AuthorPostRow => {
  const p = postId === null ? null : post(postId);
  return {
    ...author(authorId),
    post_id: p?.id ?? null,
    post_title: p?.title ?? null,
    post_content: p?.content ?? null,
    post_view_count: p?.view_count ?? null,
    post_created_at: p?.created_at ?? null,
  };
};

const expected = [
  { ...author(1), posts: [post(1), post(2)] },
  { ...author(2), posts: [] },
  { ...author(3), posts: [post(3)] },
];

describe('groupAuthorRows (eager)', () => {
  it('folds joined rows into authors with their posts; null post columns mean no posts', () => {
    const rows = [joined(1, 1), joined(1, 2), joined(2, null), joined(3, 3)];
    assert.deepEqual(groupAuthorRows(rows), expected);
  });

  it('returns no authors for no rows', () => {
    assert.deepEqual(groupAuthorRows([]), []);
  });
});

describe('attachPosts (subquery)', () => {
  it('attaches posts to their authors, keeping the authors order', () => {
    const posts = [
      { author_id: 1, ...post(1) },
      { author_id: 1, ...post(2) },
      { author_id: 3, ...post(3) },
      { author_id: 99, ...post(4) },
    ];
    assert.deepEqual(attachPosts([author(1), author(2), author(3)], posts), expected);
  });

  it('gives identical bodies to the eager grouping', () => {
    const rows = [joined(5, 10), joined(5, 11), joined(6, null)];
    const posts = [
      { author_id: 5, ...post(10) },
      { author_id: 5, ...post(11) },
    ];
    assert.deepEqual(attachPosts([author(5), author(6)], posts), groupAuthorRows(rows));
  });
});
