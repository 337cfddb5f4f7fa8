import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { hash } from 'bcryptjs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Repository } from 'typeorm';
import { Author } from '../database/entities';
import { buildReport, fibonacci, serializedItemsBytes, type AuthorTotals } from './report';

/** The server-configuration endpoints: I/O waits, CPU work, and one aggregate read. */
@Injectable()
export class ServerConfigService {
  constructor(@InjectRepository(Author) private readonly authors: Repository<Author>) {}

  async sleep() {
    await sleep(100);
    return { status: 'ok', slept: 0.1 };
  }

  /** Every author with post totals: one query-builder `authors LEFT JOIN posts GROUP BY a.id ORDER BY a.id`. */
  private totals(): Promise<Array<AuthorTotals & { email: string }>> {
    return this.authors
      .createQueryBuilder('a')
      .leftJoin('a.posts', 'p')
      .select('a.id', 'id')
      .addSelect('a.name', 'name')
      .addSelect('a.email', 'email')
      .addSelect('COUNT(p.id)', 'post_count')
      .addSelect('COALESCE(SUM(p.viewCount), 0)', 'total_views')
      .groupBy('a.id')
      .orderBy('a.id', 'ASC')
      .getRawMany();
  }

  async ioDb() {
    const authors = await this.totals();
    return { count: authors.length, authors };
  }

  fibonacci(n: number) {
    return { n, result: fibonacci(n) };
  }

  /** bcryptjs (pure JS, cost 12), async: chunks of work that yield to the event loop. */
  async hash() {
    const hashed = await hash('benchmark-password', 12);
    return { status: 'ok', hash_length: hashed.length };
  }

  jsonSerialize() {
    return { status: 'ok', items: 10_000, bytes: serializedItemsBytes() };
  }

  /** The one aggregate read, then the report computed in the application. */
  async mixedReport() {
    return buildReport(await this.totals());
  }
}
