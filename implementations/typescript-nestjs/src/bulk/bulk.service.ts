import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { BulkItem } from '../database/entities';
import { bulkRows, insertRawSql, valueCaseSql } from './bulk-sql';

/** The five bulk strategies of scenario 12 on `bulk_items`, written the TypeORM way (README: the SQL of each). */
@Injectable()
export class BulkService {
  constructor(@InjectRepository(BulkItem) private readonly items: Repository<BulkItem>) {}

  /** `TRUNCATE bulk_items RESTART IDENTITY` (TypeORM's `clear()` truncates without restarting the sequence). */
  async cleanup(): Promise<void> {
    await this.items.query('TRUNCATE TABLE bulk_items RESTART IDENTITY');
  }

  /** `repository.insert(row)` per row: one INSERT … RETURNING, each its own autocommitted statement. */
  async insertIndividual(count: number): Promise<void> {
    for (const row of bulkRows(count)) await this.items.insert(row);
  }

  /**
   * TypeORM's batched insert, as its docs recommend for bulk work: one `InsertQueryBuilder` with
   * every row (`VALUES ($1, $2, DEFAULT), …`), no RETURNING of generated values
   * (`updateEntity(false)`): one statement, one implicit transaction.
   */
  async insertBatch(count: number): Promise<void> {
    await this.items.createQueryBuilder().insert().into(BulkItem).values(bulkRows(count)).updateEntity(false).execute();
  }

  /** One hand-written literal multi-row INSERT through `query()`. */
  async insertRaw(count: number): Promise<void> {
    await this.items.query(insertRawSql(count));
  }

  /** `repository.update({ id }, { value: id * 10 })` per id: one UPDATE each, autocommitted. */
  async updateIndividual(count: number): Promise<void> {
    for (let id = 1; id <= count; id++) await this.items.update({ id }, { value: id * 10 });
  }

  /** One `UpdateQueryBuilder` statement: `SET value = CASE id WHEN 1 THEN 10 … END WHERE id BETWEEN 1 AND count`. */
  async updateBulk(count: number): Promise<void> {
    await this.items
      .createQueryBuilder()
      .update(BulkItem)
      .set({ value: () => valueCaseSql(count) })
      .where('id BETWEEN 1 AND :count', { count })
      .execute();
  }
}
