/** The 15 tables of the lab's database (`sql/schema.sql`). */
export type TableName =
  | 'users'
  | 'users_pagination'
  | 'users_narrow'
  | 'users_wide'
  | 'users_extra_wide'
  | 'users_type_int'
  | 'users_type_varchar'
  | 'users_type_text'
  | 'users_type_jsonb'
  | 'users_type_timestamp'
  | 'users_type_uuid'
  | 'authors'
  | 'posts'
  | 'bulk_items'
  | 'products';

/**
 * Row count of every table right after `sql/schema.sql` + `sql/seed.sql` (1,012,015 rows in all).
 * The seed is deterministic, so these are exact: `lab verify` and the infra tests compare a
 * database against them. `posts` is the sum over authors a = 1..1000 of 5 + (a*7 mod 11) = 10,005;
 * `bulk_items` starts empty.
 */
export const seedRowCounts: Readonly<Record<TableName, number>> = Object.freeze({
  users: 1_000,
  users_pagination: 100_000,
  users_narrow: 100_000,
  users_wide: 100_000,
  users_extra_wide: 100_000,
  users_type_int: 100_000,
  users_type_varchar: 100_000,
  users_type_text: 100_000,
  users_type_jsonb: 100_000,
  users_type_timestamp: 100_000,
  users_type_uuid: 100_000,
  authors: 1_000,
  posts: 10_005,
  bulk_items: 0,
  products: 10,
});
