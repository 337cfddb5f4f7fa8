import { IntParam } from '../common/validation';

/** `/users/offset`: page ≥ 1 (default 1), size 1–100 (default 20). */
export class OffsetQuery {
  @IntParam({ min: 1 })
  page: number = 1;

  @IntParam({ min: 1, max: 100 })
  size: number = 20;
}

/** `/users/cursor`: cursor ≥ 0, the exclusive id to start after (default 0); size 1–100 (default 20). */
export class CursorQuery {
  @IntParam({ min: 0 })
  cursor: number = 0;

  @IntParam({ min: 1, max: 100 })
  size: number = 20;
}
