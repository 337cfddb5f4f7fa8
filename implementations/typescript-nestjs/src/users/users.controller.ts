import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { IdParams } from '../common/id-params';
import { CreateUserDto, UpdateUserDto } from './dto';
import { UsersService } from './users.service';

/** `/users` CRUD (scenarios 03–04). `/users/offset` and `/users/cursor` live in PaginationModule, mounted first. */
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  findAll() {
    return this.users.findAll();
  }

  @Post()
  create(@Body() body: CreateUserDto) {
    return this.users.create(body);
  }

  @Get(':id')
  findOne(@Param() { id }: IdParams) {
    return this.users.findOne(id);
  }

  @Put(':id')
  update(@Param() { id }: IdParams, @Body() body: UpdateUserDto) {
    return this.users.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param() { id }: IdParams): Promise<void> {
    await this.users.remove(id);
  }
}
