/** Stable codes of the errors `@lab/contract` throws. */
export type ContractErrorCode = 'LAB_CONTRACT_MISSING_PATH_PARAM' | 'LAB_CONTRACT_UNKNOWN_ENDPOINT';

/** The contract library's error: a stable `code`, a message and a hint on how to fix it. */
export class ContractError extends Error {
  override readonly name = 'ContractError';

  constructor(
    /** Stable identifier; tests assert it, never the wording. */
    readonly code: ContractErrorCode,
    message: string,
    /** What the caller can do about it. */
    readonly hint: string,
  ) {
    super(message);
  }
}
