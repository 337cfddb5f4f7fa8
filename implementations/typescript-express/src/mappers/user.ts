import { isoTimestamp } from './timestamps.js';

/** The Prisma fields of a `users` / `users_pagination` row. */
export interface UserRecord {
  id: number;
  name: string;
  email: string;
  createdAt: Date | null;
}

/** The contract's user JSON: `{id, name, email, created_at}`. */
export interface UserJson {
  id: number;
  name: string;
  email: string;
  created_at: string | null;
}

/** Maps a Prisma user to the contract's snake_case user. */
export function toUserJson(user: UserRecord): UserJson {
  return { id: user.id, name: user.name, email: user.email, created_at: isoTimestamp(user.createdAt) };
}
