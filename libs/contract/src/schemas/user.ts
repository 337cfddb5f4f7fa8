import { z } from 'zod';
import { component } from './contract-registry';
import { Int, STORABLE_TEXT, Timestamp } from './primitives';

/** A row of `users` or `users_pagination`: `{id, name, email, created_at}`. */
export const User = component('User', z.strictObject({ id: Int, name: z.string(), email: z.string(), created_at: Timestamp }), 'A user row.');

/** `User.name` in request bodies: 1–100 characters, no NUL. */
export const UserName = z.string().min(1).max(100).regex(STORABLE_TEXT);

/** `User.email` in request bodies: contains "@", at most 255 characters, no NUL. */
export const UserEmail = z.string().max(255).regex(/@/).regex(STORABLE_TEXT);
