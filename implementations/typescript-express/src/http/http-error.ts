/** An error that becomes an HTTP response `{"detail": detail}` with `status`. */
export class HttpError extends Error {
  /** HTTP status code (401, 404, 409, 422 …). */
  readonly status: number;
  /** The `detail` of the body: a message, or the validation issues for 422. */
  readonly detail: string | unknown[];

  constructor(status: number, detail: string | unknown[]) {
    super(typeof detail === 'string' ? detail : 'Validation failed');
    this.status = status;
    this.detail = detail;
  }
}
