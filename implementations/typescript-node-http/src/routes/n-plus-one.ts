import type { AppDeps } from '../deps.js';
import { MAX_OFFSET, queryInt, sendJson } from '../http.js';
import type { Router } from '../router.js';

/** A post as the n-plus-one endpoints return it (no `author_id`). */
export interface Post {
  id: number;
  title: string;
  content: string | null;
  view_count: number | null;
  created_at: string | null;
}

/** An author with its posts, `ORDER BY id`. */
export interface AuthorWithPosts {
  id: number;
  name: string;
  email: string;
  bio: string | null;
  created_at: string | null;
  posts: Post[];
}

/** One row of the eager query: author columns, then the post's (all null without posts). */
export interface AuthorPostRow {
  id: number;
  name: string;
  email: string;
  bio: string | null;
  created_at: string | null;
  post_id: number | null;
  post_title: string | null;
  post_content: string | null;
  post_view_count: number | null;
  post_created_at: string | null;
}

/** A post row of the subquery strategy's second query. */
export type PostWithAuthorId = Post & { author_id: number };

const AUTHORS_PAGE = `SELECT id, name, email, bio, created_at FROM authors ORDER BY id LIMIT $1 OFFSET $2`;

const POSTS_OF_AUTHOR = `SELECT id, title, content, view_count, created_at FROM posts
  WHERE author_id = $1 ORDER BY id`;

const AUTHORS_PAGE_WITH_POSTS = `SELECT a.id, a.name, a.email, a.bio, a.created_at,
    p.id AS post_id, p.title AS post_title, p.content AS post_content,
    p.view_count AS post_view_count, p.created_at AS post_created_at
  FROM (SELECT id, name, email, bio, created_at FROM authors ORDER BY id LIMIT $1 OFFSET $2) a
  LEFT JOIN posts p ON p.author_id = a.id
  ORDER BY a.id, p.id`;

const POSTS_OF_AUTHORS = `SELECT author_id, id, title, content, view_count, created_at FROM posts
  WHERE author_id = ANY($1::int[]) ORDER BY author_id, id`;

/**
 * Folds the rows of the eager JOIN (ordered by author id, then post id) into authors with
 * their posts; an author whose post columns are null has no posts.
 */
export function groupAuthorRows(rows: readonly AuthorPostRow[]): AuthorWithPosts[] {
  const authors: AuthorWithPosts[] = [];
  let current: AuthorWithPosts | undefined;
  for (const row of rows) {
    if (current?.id !== row.id) {
      current = {
        id: row.id,
        name: row.name,
        email: row.email,
        bio: row.bio,
        created_at: row.created_at,
        posts: [],
      };
      authors.push(current);
    }
    if (row.post_id !== null) {
      current.posts.push({
        id: row.post_id,
        title: row.post_title!,
        content: row.post_content,
        view_count: row.post_view_count,
        created_at: row.post_created_at,
      });
    }
  }
  return authors;
}

/**
 * Attaches `posts` (ordered by id within each author) to their authors, keeping the authors'
 * order; posts of authors not in the list are ignored.
 */
export function attachPosts(authors: readonly Omit<AuthorWithPosts, 'posts'>[], posts: readonly PostWithAuthorId[]): AuthorWithPosts[] {
  const byAuthor = new Map<number, Post[]>();
  const result = authors.map((author) => {
    const withPosts: AuthorWithPosts = { ...author, posts: [] };
    byAuthor.set(author.id, withPosts.posts);
    return withPosts;
  });
  for (const { author_id, ...post } of posts) byAuthor.get(author_id)?.push(post);
  return result;
}

/**
 * Registers `GET /n-plus-one/{lazy,eager,subquery}` (scenario 11): the same body from
 * 1 + N queries, one JOIN query, or two queries.
 */
export function registerNPlusOneRoutes(router: Router, { pool }: AppDeps): void {
  const page = (query: URLSearchParams): [number, number] => [
    queryInt(query, 'limit', { default: 20, min: 1, max: 100 }),
    queryInt(query, 'offset', { default: 0, min: 0, max: MAX_OFFSET }),
  ];

  router.get('/n-plus-one/lazy', async ({ res, query }) => {
    const { rows: authors } = await pool.query<Omit<AuthorWithPosts, 'posts'>>(AUTHORS_PAGE, page(query));
    const result: AuthorWithPosts[] = [];
    for (const author of authors) {
      // One round trip per author, on purpose: this is the N in N+1.
      const { rows: posts } = await pool.query<Post>(POSTS_OF_AUTHOR, [author.id]);
      result.push({ ...author, posts });
    }
    sendJson(res, 200, result);
  });

  router.get('/n-plus-one/eager', async ({ res, query }) => {
    const { rows } = await pool.query<AuthorPostRow>(AUTHORS_PAGE_WITH_POSTS, page(query));
    sendJson(res, 200, groupAuthorRows(rows));
  });

  router.get('/n-plus-one/subquery', async ({ res, query }) => {
    const { rows: authors } = await pool.query<Omit<AuthorWithPosts, 'posts'>>(AUTHORS_PAGE, page(query));
    if (authors.length === 0) {
      sendJson(res, 200, []);
      return;
    }
    const ids = authors.map((author) => author.id);
    const { rows: posts } = await pool.query<PostWithAuthorId>(POSTS_OF_AUTHORS, [ids]);
    sendJson(res, 200, attachPosts(authors, posts));
  });
}
