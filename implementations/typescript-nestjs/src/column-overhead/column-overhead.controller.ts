import { Controller, Get, Query } from '@nestjs/common';
import { IntParam } from '../common/validation';
import { ColumnOverheadService } from './column-overhead.service';

/** `limit` 1–1000, default 100. */
export class RowsQuery {
  @IntParam({ min: 1, max: 1000 })
  limit: number = 100;
}

/** `/column-overhead/*` (scenario 10): the first `limit` rows of one table, every column. */
@Controller('column-overhead')
export class ColumnOverheadController {
  constructor(private readonly service: ColumnOverheadService) {}

  @Get('narrow')
  narrow(@Query() { limit }: RowsQuery) {
    return this.service.rows('narrow', limit);
  }

  @Get('wide')
  wide(@Query() { limit }: RowsQuery) {
    return this.service.rows('wide', limit);
  }

  @Get('extra-wide')
  extraWide(@Query() { limit }: RowsQuery) {
    return this.service.rows('extra-wide', limit);
  }

  @Get('type/int')
  typeInt(@Query() { limit }: RowsQuery) {
    return this.service.rows('type/int', limit);
  }

  @Get('type/varchar')
  typeVarchar(@Query() { limit }: RowsQuery) {
    return this.service.rows('type/varchar', limit);
  }

  @Get('type/text')
  typeText(@Query() { limit }: RowsQuery) {
    return this.service.rows('type/text', limit);
  }

  @Get('type/jsonb')
  typeJsonb(@Query() { limit }: RowsQuery) {
    return this.service.rows('type/jsonb', limit);
  }

  @Get('type/timestamp')
  typeTimestamp(@Query() { limit }: RowsQuery) {
    return this.service.rows('type/timestamp', limit);
  }

  @Get('type/uuid')
  typeUuid(@Query() { limit }: RowsQuery) {
    return this.service.rows('type/uuid', limit);
  }
}
