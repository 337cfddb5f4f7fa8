import { Controller, Delete, HttpCode, Post, Query } from '@nestjs/common';
import { elapsedMs, nowMs } from '../common/elapsed';
import { IntParam } from '../common/validation';
import { BulkService } from './bulk.service';

/** `count` 1–10000, default 1000. */
export class BulkQuery {
  @IntParam({ min: 1, max: 10_000 })
  count: number = 1000;
}

/** `/bulk-operations/*` (scenario 12): `{operation, count, elapsed_ms}` with the server-side time. */
@Controller('bulk-operations')
export class BulkController {
  constructor(private readonly bulk: BulkService) {}

  private async timed(operation: string, count: number, run: (count: number) => Promise<void>) {
    const start = nowMs();
    await run(count);
    return { operation, count, elapsed_ms: elapsedMs(start) };
  }

  @Delete('cleanup')
  async cleanup() {
    await this.bulk.cleanup();
    return { message: 'Table truncated' };
  }

  @Post('insert-individual')
  @HttpCode(200)
  insertIndividual(@Query() { count }: BulkQuery) {
    return this.timed('insert-individual', count, (n) => this.bulk.insertIndividual(n));
  }

  @Post('insert-batch')
  @HttpCode(200)
  insertBatch(@Query() { count }: BulkQuery) {
    return this.timed('insert-batch', count, (n) => this.bulk.insertBatch(n));
  }

  @Post('insert-raw')
  @HttpCode(200)
  insertRaw(@Query() { count }: BulkQuery) {
    return this.timed('insert-raw', count, (n) => this.bulk.insertRaw(n));
  }

  @Post('update-individual')
  @HttpCode(200)
  updateIndividual(@Query() { count }: BulkQuery) {
    return this.timed('update-individual', count, (n) => this.bulk.updateIndividual(n));
  }

  @Post('update-bulk')
  @HttpCode(200)
  updateBulk(@Query() { count }: BulkQuery) {
    return this.timed('update-bulk', count, (n) => this.bulk.updateBulk(n));
  }
}
