import { INT4_MAX } from '../common/int4';
import { IntParam, MAX_OFFSET } from '../common/validation';

/** `/users/offset`: page 1–1000000 (default 1), size 1–100 (default 20). */
export class OffsetQuery {
  @IntParam({ min: 1, max: MAX_OFFSET })
  page: number = 1;

  @IntParam({ min: 1, max: 100 })
  size: number = 20;
}

/** `/users/cursor`: cursor 0–2147483647, the exclusive id to start after (default 0); size 1–100 (default 20). */
export class CursorQuery {
  @IntParam({ min: 0, max: INT4_MAX })
  cursor: number = 0;

  @IntParam({ min: 1, max: 100 })
  size: number = 20;
}
