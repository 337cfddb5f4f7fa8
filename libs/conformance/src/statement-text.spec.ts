import { describe, expect, it } from 'vitest';
import { hasKeysetPredicate, locksRows, setsSerializable } from './statement-text';

// Statement texts as pg_stat_statements (PostgreSQL 15) recorded them for each implementation.
const lockingSelects = {
  'node-postgres, pgx, Prisma $queryRaw': 'SELECT stock FROM products WHERE id = $1 FOR UPDATE',
  'SQLAlchemy with_for_update()':
    'SELECT products.id, products.name, products.stock, products.version, products.updated_at FROM products WHERE products.id = $1::INTEGER FOR UPDATE',
  'Django select_for_update()':
    'SELECT "products"."id", "products"."name", "products"."stock", "products"."version", "products"."updated_at" FROM "products" WHERE "products"."id" = $1 LIMIT $2 FOR UPDATE',
  'ActiveRecord lock': 'SELECT "products".* FROM "products" WHERE "products"."id" = $1 LIMIT $2 FOR UPDATE',
  'FOR NO KEY UPDATE': 'select stock from products where id = $1 for no key update nowait',
};

const serializable = {
  'node-postgres, asyncpg': 'BEGIN ISOLATION LEVEL SERIALIZABLE',
  pgx: 'begin isolation level serializable',
  'Prisma pg adapter, ActiveRecord, Django': 'SET TRANSACTION ISOLATION LEVEL SERIALIZABLE',
  'BEGIN TRANSACTION': 'BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ WRITE;',
  'START TRANSACTION': 'START TRANSACTION ISOLATION LEVEL SERIALIZABLE',
  'session default': 'SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE',
  'GUC, quoted': "SET LOCAL transaction_isolation = 'serializable'",
  'GUC, TO': 'set default_transaction_isolation to serializable',
};

const keysetSelects = {
  'node-postgres, pgx': 'SELECT id, name, email, created_at FROM users_pagination WHERE id > $1::bigint ORDER BY id LIMIT $2',
  Prisma:
    'SELECT "t0"."id", "t0"."name", "t0"."email", "t0"."created_at" AS "createdAt" FROM "public"."users_pagination" AS "t0" WHERE "t0"."id" > $1 ORDER BY "t0"."id" ASC LIMIT $2',
  SQLAlchemy:
    'SELECT users_pagination.id, users_pagination.name FROM users_pagination WHERE users_pagination.id > $1::INTEGER ORDER BY users_pagination.id LIMIT $2::INTEGER',
  Django: 'SELECT "users_pagination"."id" FROM "users_pagination" WHERE "users_pagination"."id" > $1 ORDER BY "users_pagination"."id" ASC LIMIT $2',
  'ActiveRecord (literal kept)':
    'SELECT "users_pagination".* FROM "users_pagination" WHERE "users_pagination"."id" > 99960 ORDER BY "users_pagination"."id" ASC LIMIT $1',
  '>=': 'SELECT * FROM users_pagination WHERE (id >= ($1 + 1)) ORDER BY id LIMIT $2',
};

describe('locksRows', () => {
  it.each(Object.entries(lockingSelects))('recognises %s', (_, query) => expect(locksRows(query)).toBe(true));

  it.each([
    ['a plain read', 'SELECT stock FROM products WHERE id = $1'],
    ['an atomic update', 'UPDATE products SET stock = stock - $1 WHERE id = $2 RETURNING stock'],
    ['FOR SHARE', 'SELECT stock FROM products WHERE id = $1 FOR SHARE'],
    ['a column named for_update', 'SELECT for_update FROM products'],
  ])('rejects %s', (_, query) => expect(locksRows(query)).toBe(false));
});

describe('setsSerializable', () => {
  it.each(Object.entries(serializable))('recognises %s', (_, query) => expect(setsSerializable(query)).toBe(true));

  it.each([
    ['a plain BEGIN', 'BEGIN'],
    ['REPEATABLE READ', 'BEGIN ISOLATION LEVEL REPEATABLE READ'],
    ['READ COMMITTED', 'SET TRANSACTION ISOLATION LEVEL READ COMMITTED'],
    ['a locking read', 'SELECT stock FROM products WHERE id = $1 FOR UPDATE'],
  ])('rejects %s', (_, query) => expect(setsSerializable(query)).toBe(false));
});

describe('hasKeysetPredicate', () => {
  it.each(Object.entries(keysetSelects))('recognises %s', (_, query) => expect(hasKeysetPredicate(query)).toBe(true));

  it.each([
    ['an OFFSET page', 'SELECT id, name, email, created_at FROM users_pagination ORDER BY id OFFSET $1 LIMIT $2'],
    ['a count', 'SELECT COUNT(*)::int AS total FROM users_pagination'],
    ['another column', 'SELECT * FROM users_pagination WHERE author_id > $1 ORDER BY id LIMIT $2'],
  ])('rejects %s', (_, query) => expect(hasKeysetPredicate(query)).toBe(false));
});
