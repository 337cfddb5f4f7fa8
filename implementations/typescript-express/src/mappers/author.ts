import { isoTimestamp } from './timestamps.js';

/** A post as Prisma returns it for the N+1 endpoints. */
export interface PostRecord {
  id: number;
  title: string;
  content: string | null;
  viewCount: number | null;
  createdAt: Date | null;
}

/** An author with its posts as Prisma returns it. */
export interface AuthorRecord {
  id: number;
  name: string;
  email: string;
  bio: string | null;
  createdAt: Date | null;
  posts: PostRecord[];
}

/** The Prisma `select` of a nested post: the contract's post fields, no `author_id`. */
export const postFields = { id: true, title: true, content: true, viewCount: true, createdAt: true } as const;

/** The Prisma `select` of an author's own columns. */
export const authorFields = { id: true, name: true, email: true, bio: true, createdAt: true } as const;

/** Maps an author and its posts to `{id, name, email, bio, created_at, posts:[{id, title, content, view_count, created_at}]}`. */
export function toAuthorJson(author: AuthorRecord) {
  return {
    id: author.id,
    name: author.name,
    email: author.email,
    bio: author.bio,
    created_at: isoTimestamp(author.createdAt),
    posts: author.posts.map((p) => ({
      id: p.id,
      title: p.title,
      content: p.content,
      view_count: p.viewCount,
      created_at: isoTimestamp(p.createdAt),
    })),
  };
}
