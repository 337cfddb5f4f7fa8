import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `bulk_items` (scenario 12). */
@Entity('bulk_items')
export class BulkItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'int', nullable: true })
  value: number | null;

  @CreateDateColumn({ type: 'timestamp' })
  createdAt: Date;
}
