import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, type DataSource, type Repository } from 'typeorm';
import { isInt4 } from '../common/int4';
import { Product } from '../database/entities';
import { toRowJson } from '../database/row-json';
import { failed, succeeded, type DecrementOutcome } from './decrement-result';

const productNotFound = () => new NotFoundException('Product not found');

/** `stock - quantity`, or 422 when the result does not fit the `integer` column (quantity has no contract bounds). */
export function decremented(stock: number, quantity: number): number {
  const next = stock - quantity;
  if (!isInt4(next)) throw new UnprocessableEntityException('Stock out of range');
  return next;
}

/** SQLSTATE class 40 (transaction rollback: serialization failure 40001, deadlock 40P01). */
export function isSerializationFailure(error: unknown): error is QueryFailedError {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('40');
}

/** The four lock strategies of scenario 13 on `products`, each with TypeORM's own means. */
@Injectable()
export class TransactionsService {
  constructor(
    @InjectRepository(Product) private readonly products: Repository<Product>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async product(id: number) {
    const product = await this.products.findOneBy({ id });
    if (!product) throw productNotFound();
    return toRowJson(this.products.metadata, product);
  }

  /** One UPDATE of every product; setting `version` itself keeps `@VersionColumn` from incrementing it. */
  async reset(): Promise<void> {
    await this.products.createQueryBuilder().update(Product).set({ stock: 1000, version: 0 }).execute();
  }

  /** Read, compute in the application, write the absolute value, no transaction: lost updates are the point. */
  async noLock(id: number, quantity: number): Promise<DecrementOutcome> {
    const product = await this.products.findOneBy({ id });
    if (!product) throw productNotFound();
    const newStock = decremented(product.stock, quantity);
    await this.products.update({ id }, { stock: newStock });
    return succeeded('no-lock', id, product.stock, newStock);
  }

  /** `dataSource.transaction`: `findOne` with `lock: { mode: 'pessimistic_write' }` (SELECT … FOR UPDATE), then UPDATE, COMMIT. */
  pessimistic(id: number, quantity: number): Promise<DecrementOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const product = await manager.findOne(Product, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!product) throw productNotFound();
      const newStock = decremented(product.stock, quantity);
      await manager.update(Product, { id }, { stock: newStock });
      return succeeded('pessimistic', id, product.stock, newStock);
    });
  }

  /**
   * Read the version, then `UPDATE … SET stock = :new, version = version + 1 WHERE id = :id AND
   * version = :read` (`@VersionColumn` adds the increment); 0 rows → re-read and retry at once,
   * no back-off, up to `maxRetries` retries, then `Max retries exceeded`.
   */
  async optimistic(id: number, quantity: number, maxRetries: number): Promise<DecrementOutcome> {
    let oldStock = 0;
    for (let retries = 0; retries <= maxRetries; retries++) {
      const product = await this.products.findOneBy({ id });
      if (!product) throw productNotFound();
      oldStock = product.stock;
      const newStock = decremented(product.stock, quantity);
      const result = await this.products
        .createQueryBuilder()
        .update(Product)
        .set({ stock: newStock })
        .where('id = :id AND version = :version', { id, version: product.version })
        .execute();
      if (result.affected === 1) return succeeded('optimistic', id, product.stock, newStock, retries);
    }
    return failed('optimistic', id, 'Max retries exceeded', maxRetries, oldStock, oldStock);
  }

  /** `dataSource.transaction('SERIALIZABLE', …)`; a serialization failure is reported (stocks 0), never retried. */
  async serializable(id: number, quantity: number): Promise<DecrementOutcome> {
    try {
      return await this.dataSource.transaction('SERIALIZABLE', async (manager) => {
        const product = await manager.findOneBy(Product, { id });
        if (!product) throw productNotFound();
        const newStock = decremented(product.stock, quantity);
        await manager.update(Product, { id }, { stock: newStock });
        return succeeded('serializable', id, product.stock, newStock);
      });
    } catch (error) {
      if (!isSerializationFailure(error)) throw error;
      return failed('serializable', id, error.message, 0);
    }
  }
}
