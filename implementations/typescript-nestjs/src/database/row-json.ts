import type { EntityMetadata } from 'typeorm';

type Row = Record<string, unknown>;
const mappers = new WeakMap<EntityMetadata, (entity: object) => Row>();

/**
 * An entity as the contract's JSON: one key per selected column, named as the column
 * (`createdAt` → `created_at`), built from TypeORM's metadata once per entity class. Dates
 * serialise as ISO-8601 UTC, JSONB stays an object, a missing value is `null`.
 */
export function toRowJson(metadata: EntityMetadata, entity: object): Row {
  let mapper = mappers.get(metadata);
  if (!mapper) {
    // A foreign key mapped only by its relation (no column property of its own) is left out.
    const columns = metadata.columns.filter((c) => c.isSelect && c.propertyName !== c.relationMetadata?.propertyName);
    const pairs = columns.map((c) => [c.propertyName, c.databaseName] as const);
    mapper = (e) => {
      const row: Row = {};
      for (const [property, column] of pairs) row[column] = (e as Row)[property] ?? null;
      return row;
    };
    mappers.set(metadata, mapper);
  }
  return mapper(entity);
}
