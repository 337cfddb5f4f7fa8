import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import {
  UserExtraWide,
  UserNarrow,
  UserTypeInt,
  UserTypeJsonb,
  UserTypeText,
  UserTypeTimestamp,
  UserTypeUuid,
  UserTypeVarchar,
  UserWide,
} from '../database/entities';
import { toRowJson } from '../database/row-json';

/** The tables of scenario 10, by the last segments of their endpoint. */
export const COLUMN_OVERHEAD_ENTITIES = {
  narrow: UserNarrow,
  wide: UserWide,
  'extra-wide': UserExtraWide,
  'type/int': UserTypeInt,
  'type/varchar': UserTypeVarchar,
  'type/text': UserTypeText,
  'type/jsonb': UserTypeJsonb,
  'type/timestamp': UserTypeTimestamp,
  'type/uuid': UserTypeUuid,
} satisfies Record<string, EntityTarget<ObjectLiteral>>;

export type ColumnOverheadTable = keyof typeof COLUMN_OVERHEAD_ENTITIES;

/** `find({ order: { id: 'ASC' }, take: limit })` on one table, every column, rendered by column name. */
@Injectable()
export class ColumnOverheadService {
  private readonly repositories: Record<ColumnOverheadTable, Repository<ObjectLiteral>>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    const entries = Object.entries(COLUMN_OVERHEAD_ENTITIES).map(([key, entity]) => [key, dataSource.getRepository<ObjectLiteral>(entity)]);
    this.repositories = Object.fromEntries(entries) as Record<ColumnOverheadTable, Repository<ObjectLiteral>>;
  }

  async rows(table: ColumnOverheadTable, limit: number): Promise<Record<string, unknown>[]> {
    const repository = this.repositories[table];
    const rows = await repository.find({ order: { id: 'ASC' }, take: limit });
    return rows.map((row) => toRowJson(repository.metadata, row));
  }
}
