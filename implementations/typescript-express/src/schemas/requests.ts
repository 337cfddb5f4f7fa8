import { z } from 'zod';
import { intParam } from './int-param.js';

/** `{id}` path parameter: any integer (unknown ids are 404, not 422). */
export const IdParams = z.object({ id: intParam() });

/** `POST /echo`: message required; data an object or null (absent → null); extra keys dropped. */
export const EchoBody = z.object({
  message: z.string(),
  data: z.record(z.string(), z.unknown()).nullable().optional(),
});

const userName = z.string().min(1).max(100);
const userEmail = z.string().max(255).regex(/@/, 'must contain "@"');

/** `POST /users`: name 1–100 chars, email with "@" ≤ 255 chars. */
export const UserCreateBody = z.object({ name: userName, email: userEmail });

/** `PUT /users/{id}`: partial, same rules. */
export const UserUpdateBody = z.object({ name: userName.optional(), email: userEmail.optional() });

/** `/users/offset`: page ≥ 1 (default 1), size 1–100 (default 20). */
export const OffsetQuery = z.object({ page: intParam({ min: 1, default: 1 }), size: intParam({ min: 1, max: 100, default: 20 }) });

/** `/users/cursor`: cursor ≥ 0 exclusive id (default 0), size 1–100 (default 20). */
export const CursorQuery = z.object({ cursor: intParam({ min: 0, default: 0 }), size: intParam({ min: 1, max: 100, default: 20 }) });

/** Column-overhead `limit`: 1–1000, default 100. */
export const RowsQuery = z.object({ limit: intParam({ min: 1, max: 1000, default: 100 }) });

/** N+1 page: limit 1–100 (default 20), offset ≥ 0 (default 0). */
export const AuthorsPageQuery = z.object({ limit: intParam({ min: 1, max: 100, default: 20 }), offset: intParam({ min: 0, default: 0 }) });

/** Bulk `count`: 1–10000, default 1000. */
export const BulkQuery = z.object({ count: intParam({ min: 1, max: 10000, default: 1000 }) });

/** Decrement parameters: product_id and quantity default 1. */
export const DecrementQuery = z.object({ product_id: intParam({ default: 1 }), quantity: intParam({ default: 1 }) });

/** Optimistic decrement: also max_retries 0–100, default 5. */
export const OptimisticQuery = DecrementQuery.extend({ max_retries: intParam({ min: 0, max: 100, default: 5 }) });

/** `/cache/warmup` count: 1–1000, default 100. */
export const WarmupQuery = z.object({ count: intParam({ min: 1, max: 1000, default: 100 }) });

/** Login `user_id` (required). */
export const LoginQuery = z.object({ user_id: intParam() });

/** Aggregation stats `limit`: 1–100, default 10. */
export const StatsQuery = z.object({ limit: intParam({ min: 1, max: 100, default: 10 }) });

/** `/cpu/fibonacci` n: 1–40, default 32. */
export const FibonacciQuery = z.object({ n: intParam({ min: 1, max: 40, default: 32 }) });

/** Text search: q 1–100 characters, limit 1–100 (default 20). */
export const SearchQuery = z.object({ q: z.string().min(1).max(100), limit: intParam({ min: 1, max: 100, default: 20 }) });
