import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const schemaUrl = new URL('../../contract/sql/schema.sql', import.meta.url);
const seedUrl = new URL('../../contract/sql/seed.sql', import.meta.url);

/**
 * Version of the way infra builds the seeded template (seed-database.ts): part of the cache key,
 * so changing the recipe (not only the SQL) rebuilds the cache. 3 = VACUUM (FREEZE, ANALYZE)
 * until every page is all-visible.
 */
export const SEED_RECIPE_VERSION = 3;

/** The contract's `schema.sql` and `seed.sql`, and a short sha256 of both (the cache key). */
export interface SeedSql {
  schema: string;
  seed: string;
  /** First 16 hex digits of sha256(recipe version + schema.sql + seed.sql). */
  hash: string;
}

/** Reads `libs/contract/sql/schema.sql` and `seed.sql`. */
export async function readSeedSql(): Promise<SeedSql> {
  const [schema, seed] = await Promise.all([readFile(schemaUrl, 'utf8'), readFile(seedUrl, 'utf8')]);
  const hash = createHash('sha256').update(`recipe ${SEED_RECIPE_VERSION}\n`).update(schema).update(seed).digest('hex').slice(0, 16);
  return { schema, seed, hash };
}

/** The name of the seeded template database every fresh database is cloned from. */
export const TEMPLATE_DATABASE = 'lab_template';
