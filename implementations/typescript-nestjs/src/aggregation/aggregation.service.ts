import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { Post, UserWide } from '../database/entities';

// Counts, sums and averages arrive as JSON numbers: the pool reads bigint and numeric as numbers
// (database/pg-types.ts).

/** `users_wide` per country: `ORDER BY user_count DESC, country`. */
const COUNTRY_SQL = `SELECT country, COUNT(*) AS user_count, SUM(login_count) AS total_logins, AVG(login_count) AS avg_logins
  FROM users_wide GROUP BY country ORDER BY user_count DESC, country LIMIT $1`;

/** Authors with at least one post (inner join): `ORDER BY post_count DESC, author_id`. */
const AUTHOR_SQL = `SELECT a.id AS author_id, a.name AS author_name, COUNT(p.id) AS post_count, SUM(p.view_count) AS total_views,
    AVG(p.view_count) AS avg_views
  FROM authors a JOIN posts p ON p.author_id = a.id GROUP BY a.id, a.name ORDER BY post_count DESC, a.id LIMIT $1`;

/** ORM vs raw SQL aggregations (scenario 18). */
@Injectable()
export class AggregationService {
  constructor(
    @InjectRepository(UserWide) private readonly usersWide: Repository<UserWide>,
    @InjectRepository(Post) private readonly posts: Repository<Post>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The ORM's three count queries: `count()`, then `COUNT(id)` and `COUNT(DISTINCT status)` through the query builder. */
  async countOrm() {
    const countStar = await this.usersWide.count();
    const byId = await this.usersWide.createQueryBuilder('u').select('COUNT(u.id)', 'n').getRawOne<{ n: number }>();
    const distinct = await this.usersWide.createQueryBuilder('u').select('COUNT(DISTINCT u.status)', 'n').getRawOne<{ n: number }>();
    return { count_star: countStar, count_id: byId?.n ?? 0, count_distinct_status: distinct?.n ?? 0 };
  }

  /** One hand-written statement. */
  async countRaw() {
    const [row] = await this.dataSource.query<Array<{ count_star: number; count_id: number; count_distinct_status: number }>>(
      'SELECT COUNT(*) AS count_star, COUNT(id) AS count_id, COUNT(DISTINCT status) AS count_distinct_status FROM users_wide',
    );
    return row;
  }

  /** A query-builder GROUP BY on `users_wide`. */
  statsByCountryOrm(limit: number) {
    return this.usersWide
      .createQueryBuilder('u')
      .select('u.country', 'country')
      .addSelect('COUNT(*)', 'user_count')
      .addSelect('SUM(u.loginCount)', 'total_logins')
      .addSelect('AVG(u.loginCount)', 'avg_logins')
      .groupBy('u.country')
      .orderBy('user_count', 'DESC')
      .addOrderBy('u.country', 'ASC')
      .limit(limit)
      .getRawMany();
  }

  statsByCountryRaw(limit: number) {
    return this.dataSource.query(COUNTRY_SQL, [limit]);
  }

  /** A query-builder GROUP BY over posts inner-joined to their author. */
  statsByAuthorOrm(limit: number) {
    return this.posts
      .createQueryBuilder('p')
      .innerJoin('p.author', 'a')
      .select('a.id', 'author_id')
      .addSelect('a.name', 'author_name')
      .addSelect('COUNT(p.id)', 'post_count')
      .addSelect('SUM(p.viewCount)', 'total_views')
      .addSelect('AVG(p.viewCount)', 'avg_views')
      .groupBy('a.id')
      .addGroupBy('a.name')
      .orderBy('post_count', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .limit(limit)
      .getRawMany();
  }

  statsByAuthorRaw(limit: number) {
    return this.dataSource.query(AUTHOR_SQL, [limit]);
  }
}
