import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * `products` (scenario 13). `version` is TypeORM's `@VersionColumn`: every UPDATE TypeORM builds
 * for a product adds `version = version + 1` (unless it sets the version itself), which is what
 * the optimistic strategy checks. `updated_at` is `@UpdateDateColumn`: TypeORM sets it on update.
 */
@Entity('products')
export class Product {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'int' })
  stock: number;

  @VersionColumn()
  version: number;

  @UpdateDateColumn({ type: 'timestamp' })
  updatedAt: Date;
}
