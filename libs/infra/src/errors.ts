/** Stable codes of every failure `@lab/infra` reports. Tests assert these, never the wording. */
export type InfraErrorCode =
  | 'LAB_PG_NOT_FOUND'
  | 'LAB_PG_START_FAILED'
  | 'LAB_PG_SEED_FAILED'
  | 'LAB_REDIS_NOT_FOUND'
  | 'LAB_REDIS_START_FAILED'
  | 'LAB_SERVICE_TIMEOUT'
  | 'LAB_PORT_UNAVAILABLE'
  | 'LAB_DOCKER_UNAVAILABLE';

/** The hint shown under each code (`hint: ...`), written once here. */
const hints: Readonly<Record<InfraErrorCode, string>> = {
  LAB_PG_NOT_FOUND: 'run tools/setup (installs postgresql and postgresql-contrib), or set PG_BIN to the directory holding initdb and postgres',
  LAB_PG_START_FAILED: 'read the server log above; a stale cache can be removed with rm -rf ~/.cache/backend-benchmark-lab',
  LAB_PG_SEED_FAILED: 'check libs/contract/sql/schema.sql and seed.sql against the server log',
  LAB_REDIS_NOT_FOUND: 'run tools/setup (installs redis-server), or set REDIS_SERVER to the redis-server binary',
  LAB_REDIS_START_FAILED: 'read the server log above',
  LAB_SERVICE_TIMEOUT: 'the machine may be overloaded; retry, or check the service log',
  LAB_PORT_UNAVAILABLE: 'no free loopback port could be bound; check for port exhaustion',
  LAB_DOCKER_UNAVAILABLE: "no Docker engine answered; use backend 'native' (the default on hosts without Docker)",
};

/** A setup failure of `@lab/infra`: a stable `code`, a message and a `hint` for the person. */
export class InfraError extends Error {
  /** The stable code, e.g. `LAB_PG_NOT_FOUND`. */
  readonly code: InfraErrorCode;
  /** What to do about it. */
  readonly hint: string;

  constructor(code: InfraErrorCode, message: string, options?: { cause?: unknown; hint?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InfraError';
    this.code = code;
    this.hint = options?.hint ?? hints[code];
  }
}

/** True when `error` is an {@link InfraError}, optionally with the given code. */
export function isInfraError(error: unknown, code?: InfraErrorCode): error is InfraError {
  return error instanceof InfraError && (code === undefined || error.code === code);
}
