import { Router } from 'express';
import type { Deps } from '../deps.js';
import { validate } from '../http/validate.js';
import { toSnakeRow } from '../mappers/snake-case.js';
import { RowsQuery } from '../schemas/requests.js';

type RowReader = (prisma: Deps['prisma'], limit: number) => Promise<Record<string, unknown>[]>;

const first = { orderBy: { id: 'asc' } } as const;

/** Path suffix → the Prisma delegate reading every column of that table, ORDER BY id LIMIT n. */
const TABLES: Record<string, RowReader> = {
  narrow: (p, take) => p.userNarrow.findMany({ ...first, take }),
  wide: (p, take) => p.userWide.findMany({ ...first, take }),
  'extra-wide': (p, take) => p.userExtraWide.findMany({ ...first, take }),
  'type/int': (p, take) => p.userTypeInt.findMany({ ...first, take }),
  'type/varchar': (p, take) => p.userTypeVarchar.findMany({ ...first, take }),
  'type/text': (p, take) => p.userTypeText.findMany({ ...first, take }),
  'type/jsonb': (p, take) => p.userTypeJsonb.findMany({ ...first, take }),
  'type/timestamp': (p, take) => p.userTypeTimestamp.findMany({ ...first, take }),
  'type/uuid': (p, take) => p.userTypeUuid.findMany({ ...first, take }),
};

/** `users_wide.birth_date` is a SQL DATE: rendered as YYYY-MM-DD, not as a timestamp. */
const DATE_ONLY = new Set(['birthDate']);

/** The 9 /column-overhead endpoints (scenario 10): full rows, snake_case keys. */
export function columnOverheadRouter({ prisma }: Deps): Router {
  const router = Router();
  for (const [suffix, read] of Object.entries(TABLES)) {
    router.get(`/column-overhead/${suffix}`, async (req, res) => {
      const { limit } = validate(RowsQuery, req.query);
      const rows = await read(prisma, limit);
      res.json(rows.map((row) => toSnakeRow(row, DATE_ONLY)));
    });
  }
  return router;
}
