import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ILike, type Repository } from 'typeorm';
import { Post } from '../database/entities';
import { containsPattern } from './like-pattern';

/** Text search over posts (scenario 19). */
@Injectable()
export class SearchService {
  constructor(@InjectRepository(Post) private readonly posts: Repository<Post>) {}

  /** `find` with `ILike` on title OR content (`WHERE title ILIKE $1 OR content ILIKE $2`), `ORDER BY id`. */
  async like(q: string, limit: number) {
    const pattern = containsPattern(q);
    const rows = await this.posts.find({
      select: { id: true, authorId: true, title: true },
      where: [{ title: ILike(pattern) }, { content: ILike(pattern) }],
      order: { id: 'ASC' },
      take: limit,
    });
    return rows.map((p) => ({ id: p.id, author_id: p.authorId, title: p.title }));
  }

  /** `search_vector @@ plainto_tsquery('english', q)` ranked by `ts_rank` (GIN index), through the query builder. */
  fulltext(q: string, limit: number) {
    return this.posts
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .addSelect('p.authorId', 'author_id')
      .addSelect('p.title', 'title')
      .addSelect("ts_rank(p.searchVector, plainto_tsquery('english', :q))", 'rank')
      .where("p.searchVector @@ plainto_tsquery('english', :q)", { q })
      .orderBy('rank', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number; author_id: number; title: string; rank: number }>();
  }
}
