/** What the pg adapter attaches to a Prisma error: the PostgreSQL SQLSTATE and message. */
interface DriverCause {
  originalCode?: string;
  originalMessage?: string;
}

/**
 * True when `error` is a Prisma known-request error with `code` (P2002 unique violation,
 * P2025 record not found, P2034 write conflict / serialization failure …).
 */
export function isPrismaError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** The PostgreSQL error behind a Prisma error, as reported by @prisma/adapter-pg, if any. */
export function driverCause(error: unknown): DriverCause | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } } | null)?.meta;
  return meta?.driverAdapterError?.cause;
}

/** True for a serialization failure: Prisma's P2034, or SQLSTATE 40001 behind any Prisma error. */
export function isSerializationFailure(error: unknown): boolean {
  return isPrismaError(error, 'P2034') || driverCause(error)?.originalCode === '40001';
}

/** PostgreSQL's own message when the adapter kept it (e.g. "could not serialize access …"), else Prisma's last line. */
export function databaseMessage(error: unknown): string {
  const original = driverCause(error)?.originalMessage;
  if (original) return original;
  const lines = String((error as Error | null)?.message ?? error)
    .split('\n')
    .filter((l) => l.trim() !== '');
  return lines[lines.length - 1] ?? 'unknown error';
}
