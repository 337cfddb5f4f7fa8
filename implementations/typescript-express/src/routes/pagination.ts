import { Router } from 'express';
import type { Deps } from '../deps.js';
import { validate } from '../http/validate.js';
import { toUserJson } from '../mappers/user.js';
import { CursorQuery, OffsetQuery } from '../schemas/requests.js';

/** `ceil(total / size)`: the number of pages of `size` rows. */
export function totalPages(total: number, size: number): number {
  return Math.ceil(total / size);
}

/** /users/offset and /users/cursor over users_pagination (scenario 09). */
export function paginationRouter({ prisma }: Deps): Router {
  const router = Router();

  router.get('/users/offset', async (req, res) => {
    const { page, size } = validate(OffsetQuery, req.query);
    // SELECT COUNT(*) …, then ORDER BY id LIMIT size OFFSET (page-1)*size.
    const total = await prisma.userPagination.count();
    const users = await prisma.userPagination.findMany({ orderBy: { id: 'asc' }, skip: (page - 1) * size, take: size });
    res.json({ items: users.map(toUserJson), total, page, size, total_pages: totalPages(total, size) });
  });

  router.get('/users/cursor', async (req, res) => {
    const { cursor, size } = validate(CursorQuery, req.query);
    // Keyset: id > cursor ORDER BY id LIMIT size + 1; the extra row only says "there is more".
    const users = await prisma.userPagination.findMany({ where: { id: { gt: cursor } }, orderBy: { id: 'asc' }, take: size + 1 });
    const page = users.slice(0, size);
    const nextCursor = users.length > size ? page[page.length - 1]!.id : null;
    res.json({ items: page.map(toUserJson), next_cursor: nextCursor, size });
  });

  return router;
}
