import { z } from 'zod';
import { intParam } from './int-param.js';

/** The largest value of PostgreSQL's `integer`: the type of every id column. */
export const PG_INT_MAX = 2_147_483_647;

/** The largest page number or N+1 offset. */
export const MAX_OFFSET = 1_000_000;

/** The largest quantity one decrement subtracts. */
export const MAX_QUANTITY = 1000;

/** A row id (`{id}`, `user_id`, `product_id`): 1 to 2147483647; unknown ids in range are 404. */
const rowId = (options: { default?: number } = {}) => intParam({ min: 1, max: PG_INT_MAX, ...options });

/** Text PostgreSQL can store: no NUL (U+0000), which a text or varchar column refuses. */
const storable = (text: z.ZodString) => text.regex(/^[^\u0000]*$/, 'must not contain NUL characters');

/** `{id}` path parameter: a row id. */
export const IdParams = z.object({ id: rowId() });

/** `POST /echo`: message required; data an object or null (absent → null); extra keys dropped. */
export const EchoBody = z.object({
  message: z.string(),
  data: z.record(z.string(), z.unknown()).nullable().optional(),
});

const userName = storable(z.string().min(1).max(100));
const userEmail = storable(z.string().max(255).regex(/@/, 'must contain "@"'));

/** `POST /users`: name 1–100 chars, email with "@" ≤ 255 chars, neither with a NUL. */
export const UserCreateBody = z.object({ name: userName, email: userEmail });

/** `PUT /users/{id}`: partial, same rules. */
export const UserUpdateBody = z.object({ name: userName.optional(), email: userEmail.optional() });

/** `/users/offset`: page 1–1000000 (default 1), size 1–100 (default 20). */
export const OffsetQuery = z.object({ page: intParam({ min: 1, max: MAX_OFFSET, default: 1 }), size: intParam({ min: 1, max: 100, default: 20 }) });

/** `/users/cursor`: cursor 0–2147483647 exclusive id (default 0), size 1–100 (default 20). */
export const CursorQuery = z.object({ cursor: intParam({ min: 0, max: PG_INT_MAX, default: 0 }), size: intParam({ min: 1, max: 100, default: 20 }) });

/** Column-overhead `limit`: 1–1000, default 100. */
export const RowsQuery = z.object({ limit: intParam({ min: 1, max: 1000, default: 100 }) });

/** N+1 page: limit 1–100 (default 20), offset 0–1000000 (default 0). */
export const AuthorsPageQuery = z.object({ limit: intParam({ min: 1, max: 100, default: 20 }), offset: intParam({ min: 0, max: MAX_OFFSET, default: 0 }) });

/** Bulk `count`: 1–10000, default 1000. */
export const BulkQuery = z.object({ count: intParam({ min: 1, max: 10000, default: 1000 }) });

/** Decrement parameters: product_id a row id, quantity 1–1000; both default 1. */
export const DecrementQuery = z.object({ product_id: rowId({ default: 1 }), quantity: intParam({ min: 1, max: MAX_QUANTITY, default: 1 }) });

/** Optimistic decrement: also max_retries 0–100, default 5. */
export const OptimisticQuery = DecrementQuery.extend({ max_retries: intParam({ min: 0, max: 100, default: 5 }) });

/** `/cache/warmup` count: 1–1000, default 100. */
export const WarmupQuery = z.object({ count: intParam({ min: 1, max: 1000, default: 100 }) });

/** Login `user_id` (required): a row id. */
export const LoginQuery = z.object({ user_id: rowId() });

/** Aggregation stats `limit`: 1–100, default 10. */
export const StatsQuery = z.object({ limit: intParam({ min: 1, max: 100, default: 10 }) });

/** `/cpu/fibonacci` n: 1–30, default 27. */
export const FibonacciQuery = z.object({ n: intParam({ min: 1, max: 30, default: 27 }) });

/** Text search: q 1–100 characters without NUL, limit 1–100 (default 20). */
export const SearchQuery = z.object({ q: storable(z.string().min(1).max(100)), limit: intParam({ min: 1, max: 100, default: 20 }) });
