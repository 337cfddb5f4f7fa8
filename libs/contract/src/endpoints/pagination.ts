import { z } from 'zod';
import { defineEndpoint, invalidInput } from '../endpoint-def';
import { intParam, MAX_OFFSET, PG_INT_MAX } from '../schemas/int-param';
import { Count, Int } from '../schemas/primitives';
import { User } from '../schemas/user';

/** Page size shared by both pagination styles: 1–100, default 20. */
const size = () => intParam({ min: 1, max: 100, default: 20, description: 'Rows per page (1–100).' });

/** GET /users/offset */
export const usersOffset = defineEndpoint({
  id: 'users.offset',
  method: 'GET',
  path: '/users/offset',
  group: 'pagination',
  summary: 'users_pagination ORDER BY id OFFSET (page-1)*size LIMIT size, with the total.',
  query: z.object({
    page: intParam({ min: 1, max: MAX_OFFSET, default: 1, description: '1-based page number (1–1000000).' }),
    size: size(),
  }),
  responses: {
    200: {
      description: 'One page; pages past the end have empty items.',
      schema: z.strictObject({
        items: z.array(User),
        total: Count,
        page: z.number().int().min(1),
        size: z.number().int().min(1).max(100),
        total_pages: Count,
      }),
    },
    422: invalidInput,
  },
});

/** GET /users/cursor */
export const usersCursor = defineEndpoint({
  id: 'users.cursor',
  method: 'GET',
  path: '/users/cursor',
  group: 'pagination',
  summary: 'Keyset page of users_pagination: id > cursor ORDER BY id LIMIT size.',
  query: z.object({
    cursor: intParam({ min: 0, max: PG_INT_MAX, default: 0, description: 'Exclusive id to start after (0–2147483647).' }),
    size: size(),
  }),
  responses: {
    200: {
      description: 'One page; next_cursor is the last id when another row follows, else null.',
      schema: z.strictObject({
        items: z.array(User),
        next_cursor: Int.nullable(),
        size: z.number().int().min(1).max(100),
      }),
    },
    422: invalidInput,
  },
});

/** The 2 pagination endpoints (scenario 09); they take precedence over `/users/{id}`. */
export const paginationEndpoints = [usersOffset, usersCursor] as const;
