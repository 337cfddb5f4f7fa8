import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { elapsedMs, nowMs } from '../common/elapsed';
import { IdParams } from '../common/id-params';
import { IntParam, ROW_ID } from '../common/validation';
import type { DecrementOutcome } from './decrement-result';
import { TransactionsService } from './transactions.service';

/** `product_id` (a row id) and `quantity` 1–1000 (default 1 each). */
export class DecrementQuery {
  @IntParam(ROW_ID)
  product_id: number = 1;

  @IntParam({ min: 1, max: 1000 })
  quantity: number = 1;
}

/** The optimistic strategy also takes `max_retries` 0–100 (default 5). */
export class OptimisticQuery extends DecrementQuery {
  @IntParam({ min: 0, max: 100 })
  max_retries: number = 5;
}

async function timed(run: () => Promise<DecrementOutcome>) {
  const start = nowMs();
  const outcome = await run();
  return { ...outcome, elapsed_ms: elapsedMs(start) };
}

/** `/transactions/*` (scenario 13). */
@Controller('transactions')
export class TransactionsController {
  constructor(private readonly transactions: TransactionsService) {}

  @Get('products/:id')
  product(@Param() { id }: IdParams) {
    return this.transactions.product(id);
  }

  @Post('reset')
  @HttpCode(200)
  async reset() {
    await this.transactions.reset();
    return { message: 'All stocks reset to 1000' };
  }

  @Post('decrement/no-lock')
  @HttpCode(200)
  noLock(@Query() q: DecrementQuery) {
    return timed(() => this.transactions.noLock(q.product_id, q.quantity));
  }

  @Post('decrement/pessimistic')
  @HttpCode(200)
  pessimistic(@Query() q: DecrementQuery) {
    return timed(() => this.transactions.pessimistic(q.product_id, q.quantity));
  }

  @Post('decrement/optimistic')
  @HttpCode(200)
  optimistic(@Query() q: OptimisticQuery) {
    return timed(() => this.transactions.optimistic(q.product_id, q.quantity, q.max_retries));
  }

  @Post('decrement/serializable')
  @HttpCode(200)
  serializable(@Query() q: DecrementQuery) {
    return timed(() => this.transactions.serializable(q.product_id, q.quantity));
  }
}
