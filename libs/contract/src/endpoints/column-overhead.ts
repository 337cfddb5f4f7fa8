import { z } from 'zod';
import { defineEndpoint, invalidInput } from '../endpoint-def';
import { ExtraWideRow, NarrowRow, type ColumnType, TypeRows, WideRow } from '../schemas/column-overhead-rows';
import { intParam } from '../schemas/int-param';

/** `limit` of every column-overhead endpoint: 1–1000, default 100. */
export const ColumnOverheadQuery = z.object({
  limit: intParam({ min: 1, max: 1000, default: 100, description: 'Number of rows (1–1000).' }),
});

function rowsEndpoint<const Id extends string, const Path extends string, R extends z.ZodType>(id: Id, path: Path, table: string, row: R) {
  return defineEndpoint({
    id,
    method: 'GET',
    path,
    group: 'column-overhead',
    summary: `First limit rows of ${table} ORDER BY id, every column.`,
    query: ColumnOverheadQuery,
    responses: {
      200: { description: `Rows of ${table}.`, schema: z.array(row) },
      422: invalidInput,
    },
  });
}

function typeEndpoint<const T extends ColumnType>(type: T) {
  return rowsEndpoint(`column-overhead.type.${type}`, `/column-overhead/type/${type}`, `users_type_${type}`, TypeRows[type]);
}

/** GET /column-overhead/narrow */
export const columnOverheadNarrow = rowsEndpoint('column-overhead.narrow', '/column-overhead/narrow', 'users_narrow', NarrowRow);
/** GET /column-overhead/wide */
export const columnOverheadWide = rowsEndpoint('column-overhead.wide', '/column-overhead/wide', 'users_wide', WideRow);
/** GET /column-overhead/extra-wide */
export const columnOverheadExtraWide = rowsEndpoint('column-overhead.extra-wide', '/column-overhead/extra-wide', 'users_extra_wide', ExtraWideRow);

/** The 9 column-overhead endpoints (scenario 10). */
export const columnOverheadEndpoints = [
  columnOverheadNarrow,
  columnOverheadWide,
  columnOverheadExtraWide,
  typeEndpoint('int'),
  typeEndpoint('varchar'),
  typeEndpoint('text'),
  typeEndpoint('jsonb'),
  typeEndpoint('timestamp'),
  typeEndpoint('uuid'),
] as const;
