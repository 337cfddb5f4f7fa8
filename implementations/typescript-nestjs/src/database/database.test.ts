import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from './entities';
import { parseUtcTimestamp, pgTypes } from './pg-types';
import { toRowJson } from './row-json';
import { SnakeNamingStrategy, snakeCase } from './snake-naming.strategy';

/** Table → columns, from the lab's schema (libs/contract/sql/schema.sql). */
function schemaColumns(): Map<string, string[]> {
  const sql = readFileSync(join(__dirname, '../../../../libs/contract/sql/schema.sql'), 'utf8');
  const tables = new Map<string, string[]>();
  for (const match of sql.matchAll(/CREATE TABLE IF NOT EXISTS (\w+) \(([\s\S]*?)\n\);/g)) {
    const columns = match[2]!
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^[a-z_0-9]+ [A-Za-z]/.test(line))
      .map((line) => line.split(' ')[0]!);
    tables.set(match[1]!, columns);
  }
  return tables;
}

async function metadata() {
  const dataSource = new DataSource({ type: 'postgres', entities: ENTITIES, namingStrategy: new SnakeNamingStrategy() });
  await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return dataSource.entityMetadatas;
}

describe('entities', () => {
  it('map every column of the 15 tables of the schema, and nothing else', async () => {
    const tables = schemaColumns();
    const metadatas = await metadata();
    expect(metadatas.map((m) => m.tableName).sort()).toEqual([...tables.keys()].sort());
    for (const m of metadatas) {
      const columns = [...new Set(m.columns.map((c) => c.databaseName))].sort();
      expect(columns, m.tableName).toEqual([...tables.get(m.tableName)!].sort());
    }
  });

  it('render as the contract JSON: column names, selected columns only', async () => {
    const posts = (await metadata()).find((m) => m.tableName === 'posts')!;
    const created = new Date('2025-01-01T00:00:00Z');
    const row = toRowJson(posts, { id: 1, authorId: 2, title: 't', content: null, viewCount: 3, createdAt: created, searchVector: 'x' });
    expect(row).toEqual({ id: 1, author_id: 2, title: 't', content: null, view_count: 3, created_at: created });
  });
});

describe('snakeCase', () => {
  it('names columns as the schema does', () => {
    expect(snakeCase('createdAt')).toBe('created_at');
    expect(snakeCase('field01')).toBe('field_01');
    expect(snakeCase('intCol05')).toBe('int_col_05');
    expect(snakeCase('avatarUrl')).toBe('avatar_url');
    expect(snakeCase('id')).toBe('id');
  });
});

describe('pg type parsers', () => {
  it('read TIMESTAMP as UTC and DATE as text', () => {
    expect(parseUtcTimestamp('2025-01-01 00:00:00').toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(parseUtcTimestamp('2025-03-04 05:06:07.123456').toISOString()).toBe('2025-03-04T05:06:07.123Z');
    expect(pgTypes.getTypeParser(1082)('1990-05-17')).toBe('1990-05-17');
  });

  it('read COUNT/SUM (bigint) and AVG (numeric) as numbers', () => {
    expect(pgTypes.getTypeParser(20)('1000')).toBe(1000);
    expect(pgTypes.getTypeParser(1700)('12.5000000000000000')).toBe(12.5);
    expect(pgTypes.getTypeParser(23)('7')).toBe(7);
  });
});
