import { z } from 'zod';
import { component, described } from './contract-registry';

/**
 * ISO-8601 date-time: `YYYY-MM-DDTHH:MM:SS`, optional fraction of any precision, optional `Z`
 * or `±HH:MM` offset. A value without an offset is read as UTC.
 */
export const TIMESTAMP_PATTERN =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

/** Lowercase canonical UUID (8-4-4-4-12 hex digits, any version). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A timestamp as the API serialises it (see `TIMESTAMP_PATTERN`); UTC when no offset. */
export const Timestamp = component(
  'Timestamp',
  z.string().regex(TIMESTAMP_PATTERN),
  'ISO-8601 date-time; optional fraction; optional Z or ±HH:MM offset (none means UTC).',
);

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = component('IsoDate', z.iso.date(), 'Calendar date, YYYY-MM-DD.');

/** A lowercase canonical UUID string. */
export const Uuid = component('Uuid', z.string().regex(UUID_PATTERN), 'Lowercase canonical UUID.');

/** A JSON integer (any sign). */
export const Int = z.number().int();

/** A JSON integer ≥ 0: counts, sums, stock levels. */
export const Count = z.number().int().min(0);

/** A server-measured duration in milliseconds, ≥ 0, any precision. */
export const ElapsedMs = described(z.number().min(0), 'Server-side wall time in milliseconds.');

/** A JSON object with arbitrary members (JSONB columns, echo `data`). */
export const JsonObject = z.record(z.string(), z.unknown());

/**
 * Text PostgreSQL can store: no NUL (U+0000) character, which a `text` or `varchar` column
 * rejects with an error. Request strings that reach the database use it, so a NUL is a 422.
 */
export const STORABLE_TEXT = /^[^\u0000]*$/;
