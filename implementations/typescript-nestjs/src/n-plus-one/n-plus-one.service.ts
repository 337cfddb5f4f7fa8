import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { Author, Post } from '../database/entities';

/** A post inside an author: `{id, title, content, view_count, created_at}` (no author_id). */
function postJson(post: Post) {
  return { id: post.id, title: post.title, content: post.content, view_count: post.viewCount, created_at: post.createdAt };
}

/** `{id, name, email, bio, created_at, posts: [...]}`. */
function authorJson(author: Author, posts: readonly Post[]) {
  return { id: author.id, name: author.name, email: author.email, bio: author.bio, created_at: author.createdAt, posts: posts.map(postJson) };
}

/**
 * The author with the posts of its lazy `posts` relation: reading the property resolves at once
 * when they were loaded with the author (a join), and runs one query otherwise.
 */
async function withLazyPosts(author: Author) {
  return authorJson(author, await author.posts);
}

/**
 * The same authors page with nested posts, loaded three ways with TypeORM (scenario 11). Posts
 * are `ORDER BY id`: the Post entity's default order (lazy loader, `find`) or the join's ORDER BY.
 */
@Injectable()
export class NPlusOneService {
  constructor(
    @InjectRepository(Author) private readonly authors: Repository<Author>,
    @InjectRepository(Post) private readonly posts: Repository<Post>,
  ) {}

  /** 1 + N: the page (`find` with skip/take), then each author's lazy `posts`, awaited one after another. */
  async lazy(limit: number, offset: number) {
    const authors = await this.authors.find({ order: { id: 'ASC' }, skip: offset, take: limit });
    const result = [];
    for (const author of authors) result.push(await withLazyPosts(author));
    return result;
  }

  /**
   * 1: `leftJoinAndSelect` of the posts onto the page, the page itself a subquery
   * (`author.id IN (SELECT … ORDER BY id LIMIT … OFFSET …)`). `find({ relations, skip, take })`
   * would issue two statements here: with a join, TypeORM first selects the page's DISTINCT ids.
   */
  async eager(limit: number, offset: number) {
    const authors = await this.authors
      .createQueryBuilder('author')
      .leftJoinAndSelect('author.posts', 'post')
      .where((qb) => {
        const page = qb.subQuery().select('page.id').from(Author, 'page').orderBy('page.id', 'ASC').limit(limit).offset(offset);
        return `author.id IN ${page.getQuery()}`;
      })
      .orderBy('author.id', 'ASC')
      .addOrderBy('post.id', 'ASC')
      .getMany();
    return Promise.all(authors.map(withLazyPosts));
  }

  /**
   * 2: the page, then every post of its authors with one `find({ where: { authorId: In(ids) } })`
   * (`WHERE author_id IN (…) ORDER BY id`), grouped per author in the application. TypeORM's own
   * `relationLoadStrategy: 'query'` issues 3 statements for a one-to-many relation here (the
   * posts, then their relation ids to match them to authors), not the contract's 2.
   */
  async subquery(limit: number, offset: number) {
    const authors = await this.authors.find({ order: { id: 'ASC' }, skip: offset, take: limit });
    if (authors.length === 0) return [];
    const posts = await this.posts.find({ where: { authorId: In(authors.map((a) => a.id)) }, order: { id: 'ASC' } });
    const byAuthor = new Map<number, Post[]>(authors.map((a) => [a.id, []]));
    for (const post of posts) byAuthor.get(post.authorId)?.push(post);
    return authors.map((author) => authorJson(author, byAuthor.get(author.id) ?? []));
  }
}
