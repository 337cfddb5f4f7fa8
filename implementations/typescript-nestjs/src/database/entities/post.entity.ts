import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Author } from './author.entity';

/**
 * `posts`. The entity's default order (`orderBy: { id: 'ASC' }`) applies to every query whose
 * main alias is a post and that sets no order of its own, including TypeORM's lazy loader and
 * the "query" relation strategy: an author's posts come back `ORDER BY id`.
 */
@Entity('posts', { orderBy: { id: 'ASC' } })
export class Post {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  authorId: number;

  @ManyToOne(
    () => Author,
    (author) => author.posts,
  )
  @JoinColumn({ name: 'author_id' })
  author: Author;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  content: string | null;

  @Column({ type: 'int', nullable: true })
  viewCount: number | null;

  @CreateDateColumn({ type: 'timestamp' })
  createdAt: Date;

  /** The stored generated `tsvector` (GIN-indexed); never selected, never written. */
  @Column({ type: 'tsvector', select: false, insert: false, update: false })
  searchVector: string;
}
