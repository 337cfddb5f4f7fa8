import { Controller, Get, Query } from '@nestjs/common';
import { CursorQuery, OffsetQuery } from './dto';
import { PaginationService } from './pagination.service';

/** `/users/offset` and `/users/cursor`. Its module is imported before UsersModule: on Express these routes must be registered before `/users/:id`. */
@Controller('users')
export class PaginationController {
  constructor(private readonly pagination: PaginationService) {}

  @Get('offset')
  offset(@Query() { page, size }: OffsetQuery) {
    return this.pagination.byOffset(page, size);
  }

  @Get('cursor')
  cursor(@Query() { cursor, size }: CursorQuery) {
    return this.pagination.byCursor(cursor, size);
  }
}
