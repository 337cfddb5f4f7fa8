import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `users` (scenarios 03, 04, 14–17). */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 255, unique: true })
  email: string;

  /** Filled by the column default `NOW()` (TypeORM leaves it to the database and reads it back). */
  @CreateDateColumn({ type: 'timestamp' })
  createdAt: Date;
}

/** `users_pagination`: 100,000 users for offset vs cursor pagination (scenario 09). */
@Entity('users_pagination')
export class UserPagination {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  email: string;

  @CreateDateColumn({ type: 'timestamp' })
  createdAt: Date;
}
