import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Post } from './post.entity';

/** `authors` (scenarios 11 and 18, the server-config reports). */
@Entity('authors')
export class Author {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  email: string;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @CreateDateColumn({ type: 'timestamp' })
  createdAt: Date;

  /**
   * A lazy relation (TypeORM's `Promise` property): reading it loads the author's posts with
   * one query, unless a join or the "query" strategy already filled it.
   */
  @OneToMany(
    () => Post,
    (post) => post.author,
    { lazy: true },
  )
  posts: Promise<Post[]>;
}
