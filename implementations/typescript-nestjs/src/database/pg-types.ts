import pg from 'pg';

/** OIDs of the PostgreSQL types read differently from pg's defaults. */
const OID = { int8: 20, numeric: 1700, date: 1082, timestamp: 1114 } as const;

/** `TIMESTAMP WITHOUT TIME ZONE` text (`2025-01-01 00:00:00.123456`) read as UTC; pg's default reads local time. */
export function parseUtcTimestamp(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

const identity = (text: string): string => text;

/**
 * The type parsers of TypeORM's pool (`extra.types`, per pool, nothing global): timestamps as UTC
 * instants, dates as their `YYYY-MM-DD` text, and `bigint`/`numeric` (COUNT, SUM, AVG results) as
 * JSON numbers, the contract's integers and floats.
 */
export const pgTypes = {
  getTypeParser(oid: number, format?: string): (text: string) => unknown {
    switch (oid) {
      case OID.timestamp:
        return parseUtcTimestamp;
      case OID.date:
        return identity;
      case OID.int8:
      case OID.numeric:
        return Number;
      default:
        return pg.types.getTypeParser(oid, format as 'text');
    }
  },
};
