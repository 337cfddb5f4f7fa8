import { Router } from 'express';
import type { Deps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { validate } from '../http/validate.js';
import { toUserJson } from '../mappers/user.js';
import { IdParams, UserCreateBody, UserUpdateBody } from '../schemas/requests.js';
import { isPrismaError } from '../db/prisma-errors.js';

/**
 * /users CRUD (scenarios 03–04). Register after the pagination router: /users/offset wins over
 * /users/:id. Each path is one `router.route()`, so its other methods get one 405 answer.
 */
export function usersRouter({ prisma }: Deps): Router {
  const router = Router();

  router
    .route('/users')
    .get(async (_req, res) => {
      const users = await prisma.user.findMany({ orderBy: { id: 'asc' } });
      res.json(users.map(toUserJson));
    })
    .post(async (req, res) => {
      const data = validate(UserCreateBody, req.body);
      // One INSERT … RETURNING; created_at comes from the column default NOW().
      const user = await prisma.user.create({ data });
      res.status(201).json(toUserJson(user));
    });

  router
    .route('/users/:id')
    .get(async (req, res) => {
      const { id } = validate(IdParams, req.params);
      const user = await prisma.user.findUnique({ where: { id } });
      if (!user) throw new HttpError(404, 'User not found');
      res.json(toUserJson(user));
    })
    .put(async (req, res) => {
      const { id } = validate(IdParams, req.params);
      const data = validate(UserUpdateBody, req.body);
      try {
        const user = await prisma.user.update({ where: { id }, data });
        res.json(toUserJson(user));
      } catch (error) {
        if (isPrismaError(error, 'P2025')) throw new HttpError(404, 'User not found');
        throw error;
      }
    })
    .delete(async (req, res) => {
      const { id } = validate(IdParams, req.params);
      const { count } = await prisma.user.deleteMany({ where: { id } });
      if (count === 0) throw new HttpError(404, 'User not found');
      res.status(204).end();
    });

  return router;
}
