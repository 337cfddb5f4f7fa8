/** The four lock strategies of /transactions/decrement/*. */
export type LockMethod = 'no-lock' | 'pessimistic' | 'optimistic' | 'serializable';

/** The contract's transaction result without `elapsed_ms`; failures are HTTP 200 with `success: false`. */
export interface DecrementOutcome {
  success: boolean;
  method: LockMethod;
  product_id: number;
  old_stock: number;
  new_stock: number;
  retries: number;
  error: string | null;
}

/** A successful decrement from `oldStock` to `newStock`. */
export function succeeded(method: LockMethod, productId: number, oldStock: number, newStock: number, retries = 0): DecrementOutcome {
  return { success: true, method, product_id: productId, old_stock: oldStock, new_stock: newStock, retries, error: null };
}

/** A failed decrement: `error` says why; stocks as the strategy reports them. */
export function failed(method: LockMethod, productId: number, error: string, retries: number, oldStock = 0, newStock = 0): DecrementOutcome {
  return { success: false, method, product_id: productId, old_stock: oldStock, new_stock: newStock, retries, error };
}
