import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { User } from '../database/entities';
import { toRowJson } from '../database/row-json';
import type { CreateUserDto, UpdateUserDto } from './dto';

/** `{id, name, email, created_at}`. */
export type UserJson = Record<string, unknown>;

/**
 * `users` through TypeORM's repository. Writes use `insert`/`update`/`delete` (one statement
 * each) rather than `save`, which would wrap them in START TRANSACTION … COMMIT and, for an
 * update, SELECT the row first. A duplicate email (SQLSTATE 23505) becomes 409 in the filter.
 */
@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  private json(user: User): UserJson {
    return toRowJson(this.users.metadata, user);
  }

  async findAll(): Promise<UserJson[]> {
    const users = await this.users.find({ order: { id: 'ASC' } });
    return users.map((u) => this.json(u));
  }

  async findOne(id: number): Promise<UserJson> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException('User not found');
    return this.json(user);
  }

  /** One `INSERT … RETURNING id, created_at` (the column default fills `created_at`). */
  async create(dto: CreateUserDto): Promise<UserJson> {
    const user = this.users.create({ name: dto.name, email: dto.email });
    await this.users.insert(user);
    return this.json(user);
  }

  /** One `UPDATE … RETURNING *` of the given fields; no row → 404. No field → a plain read. */
  async update(id: number, dto: UpdateUserDto): Promise<UserJson> {
    const changes: Partial<User> = {};
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.email !== undefined) changes.email = dto.email;
    if (Object.keys(changes).length === 0) return this.findOne(id);
    const result = await this.users.createQueryBuilder().update(User).set(changes).where({ id }).returning('*').execute();
    const [row] = result.raw as Record<string, unknown>[];
    if (!row) throw new NotFoundException('User not found');
    return { id: row.id, name: row.name, email: row.email, created_at: row.created_at };
  }

  /** One `DELETE`; nothing deleted → 404. */
  async remove(id: number): Promise<void> {
    const result = await this.users.delete({ id });
    if (!result.affected) throw new NotFoundException('User not found');
  }
}
