import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { IdParams } from '../common/id-params';
import { IntParam } from '../common/validation';
import { CachingService } from './caching.service';

/** `/cache/warmup` count: 1–1000, default 100. */
export class WarmupQuery {
  @IntParam({ min: 1, max: 1000 })
  count: number = 100;
}

/** `/cache/*` (scenarios 14–16). */
@Controller('cache')
export class CachingController {
  constructor(private readonly cache: CachingService) {}

  @Get('users/:id/no-cache')
  noCache(@Param() { id }: IdParams) {
    return this.cache.noCache(id);
  }

  @Get('users/:id/cached')
  cached(@Param() { id }: IdParams) {
    return this.cache.cached(id);
  }

  @Post('warmup')
  @HttpCode(200)
  warmup(@Query() { count }: WarmupQuery) {
    return this.cache.warmup(count);
  }

  @Delete('flush')
  async flush() {
    await this.cache.flush();
    return { message: 'Cache flushed' };
  }

  @Delete('users/:id')
  evict(@Param() { id }: IdParams) {
    return this.cache.evict(id);
  }
}
