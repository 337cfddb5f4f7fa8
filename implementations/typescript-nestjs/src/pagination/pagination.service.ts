import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, type Repository } from 'typeorm';
import { UserPagination } from '../database/entities';
import { toRowJson } from '../database/row-json';

/** OFFSET vs keyset pagination over `users_pagination` (100,000 rows, scenario 09). */
@Injectable()
export class PaginationService {
  constructor(@InjectRepository(UserPagination) private readonly users: Repository<UserPagination>) {}

  /** `count()` (`SELECT COUNT(1)`), then `find({ skip, take })` (`ORDER BY id LIMIT size OFFSET (page-1)*size`). */
  async byOffset(page: number, size: number) {
    const total = await this.users.count();
    const rows = await this.users.find({ order: { id: 'ASC' }, skip: (page - 1) * size, take: size });
    return { items: rows.map((u) => toRowJson(this.users.metadata, u)), total, page, size, total_pages: Math.ceil(total / size) };
  }

  /** Keyset: `WHERE id > cursor ORDER BY id LIMIT size + 1`; the extra row only says whether another page follows. */
  async byCursor(cursor: number, size: number) {
    const rows = await this.users.find({ where: { id: MoreThan(cursor) }, order: { id: 'ASC' }, take: size + 1 });
    const page = rows.slice(0, size);
    const nextCursor = rows.length > size ? page[page.length - 1]!.id : null;
    return { items: page.map((u) => toRowJson(this.users.metadata, u)), next_cursor: nextCursor, size };
  }
}
