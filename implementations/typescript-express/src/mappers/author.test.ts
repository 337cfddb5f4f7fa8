import assert from 'node:assert/strict';
import { it } from 'vitest';
import { toAuthorJson } from './author.js';
import { toUserJson } from './user.js';

it('maps an author and its posts to the contract keys (no author_id on posts)', () => {
  const at = new Date('2024-03-20T19:57:12.000Z');
  const json = toAuthorJson({
    id: 1,
    name: 'Author1',
    email: 'a@b',
    bio: 'bio',
    createdAt: at,
    posts: [{ id: 9, title: 't', content: 'c', viewCount: 3, createdAt: at }],
  });
  assert.deepEqual(json, {
    id: 1,
    name: 'Author1',
    email: 'a@b',
    bio: 'bio',
    created_at: '2024-03-20T19:57:12.000Z',
    posts: [{ id: 9, title: 't', content: 'c', view_count: 3, created_at: '2024-03-20T19:57:12.000Z' }],
  });
});

it('maps a user to {id, name, email, created_at}', () => {
  assert.deepEqual(toUserJson({ id: 2, name: 'n', email: 'e@x', createdAt: new Date(0) }), {
    id: 2,
    name: 'n',
    email: 'e@x',
    created_at: '1970-01-01T00:00:00.000Z',
  });
});
