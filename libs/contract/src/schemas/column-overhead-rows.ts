import { z } from 'zod';
import { component } from './contract-registry';
import { Int, IsoDate, JsonObject, Timestamp, Uuid } from './primitives';

const base = { id: Int, name: z.string(), email: z.string() };
const nn = (i: number) => String(i).padStart(2, '0');

/** Builds `{<prefix>01: s, …, <prefix><count>: s}`. */
function numberedColumns<S extends z.ZodType>(prefix: string, count: number, schema: S): Record<string, S> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${nn(i + 1)}`, schema]));
}

/** A `users_narrow` row (5 columns). */
export const NarrowRow = component(
  'NarrowRow',
  z.strictObject({ ...base, status: z.enum(['active', 'inactive']), created_at: Timestamp }),
  'A users_narrow row.',
);

/** A `users_wide` row (20 columns). */
export const WideRow = component(
  'WideRow',
  z.strictObject({
    ...base,
    status: z.enum(['active', 'inactive']),
    created_at: Timestamp,
    phone: z.string(),
    address: z.string(),
    city: z.string(),
    country: z.string(),
    postal_code: z.string(),
    birth_date: IsoDate,
    gender: z.enum(['male', 'female']),
    occupation: z.string(),
    company: z.string(),
    website: z.string(),
    bio: z.string(),
    avatar_url: z.string(),
    last_login: Timestamp,
    login_count: Int,
    preferences: JsonObject,
  }),
  'A users_wide row.',
);

/** A `users_extra_wide` row (49 columns: id, name, email, field_01…field_45, created_at). */
export const ExtraWideRow = component(
  'ExtraWideRow',
  z.strictObject({ ...base, ...numberedColumns('field_', 45, z.string()), created_at: Timestamp }),
  'A users_extra_wide row.',
);

/** The six data-type tables of scenario 10-B. */
export type ColumnType = 'int' | 'varchar' | 'text' | 'jsonb' | 'timestamp' | 'uuid';

/** Column prefix and JSON shape of each data-type table's five typed columns. */
const typedColumns = {
  int: ['int_col_', Int],
  varchar: ['varchar_col_', z.string()],
  text: ['text_col_', z.string()],
  jsonb: ['json_col_', JsonObject],
  timestamp: ['ts_col_', Timestamp],
  uuid: ['uuid_col_', Uuid],
} as const satisfies Record<ColumnType, readonly [string, z.ZodType]>;

/** A `users_type_<type>` row: id, name, email and five typed columns `<prefix>01…05`. */
export function typeRow(type: ColumnType) {
  const [prefix, schema] = typedColumns[type];
  return z.strictObject({ ...base, ...numberedColumns(prefix, 5, schema) });
}

/** Row schema of every data-type table, each registered as an OpenAPI component. */
export const TypeRows = Object.fromEntries(
  (Object.keys(typedColumns) as ColumnType[]).map((t) => [t, component(`TypeRow.${t}`, typeRow(t), `A users_type_${t} row.`)]),
) as Record<ColumnType, ReturnType<typeof typeRow>>;
