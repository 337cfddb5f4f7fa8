import { Controller, Get, Query } from '@nestjs/common';
import { IntParam, MAX_OFFSET } from '../common/validation';
import { NPlusOneService } from './n-plus-one.service';

/** `limit` 1–100 (default 20), `offset` 0–1000000 (default 0). */
export class AuthorsPageQuery {
  @IntParam({ min: 1, max: 100 })
  limit: number = 20;

  @IntParam({ min: 0, max: MAX_OFFSET })
  offset: number = 0;
}

/** `/n-plus-one/{lazy,eager,subquery}` (scenario 11): identical bodies, different loading. */
@Controller('n-plus-one')
export class NPlusOneController {
  constructor(private readonly service: NPlusOneService) {}

  @Get('lazy')
  lazy(@Query() { limit, offset }: AuthorsPageQuery) {
    return this.service.lazy(limit, offset);
  }

  @Get('eager')
  eager(@Query() { limit, offset }: AuthorsPageQuery) {
    return this.service.eager(limit, offset);
  }

  @Get('subquery')
  subquery(@Query() { limit, offset }: AuthorsPageQuery) {
    return this.service.subquery(limit, offset);
  }
}
