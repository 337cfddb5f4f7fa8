import { defineCheck } from '../check';
import { findDifference } from '../compare';
import { expectDetail } from './basic';
import { arrayBody, ids, objectBody, strictlyIncreasing, uniqueTag } from './helpers';

const USER_COLUMNS = 'id, name, email, created_at';

export const usersListCheck = defineCheck({
  id: 'users.list',
  endpoints: ['GET /users'],
  async run(ctx) {
    const e = 'GET /users';
    const rows = arrayBody(await ctx.call(e));
    if (!rows) return;
    const expected = ctx.contract.seedRowCounts.users;
    const dbRows = ctx.db ? await ctx.db.rows(`SELECT ${USER_COLUMNS} FROM users ORDER BY id`) : null;
    // A database that was written to since the seed is the truth; the seed count otherwise.
    const expectedCount = dbRows?.length ?? expected;
    if (rows.length !== expectedCount) {
      ctx.fail('row-count', e, `expected all ${expectedCount} rows, got ${rows.length}`, { expected: expectedCount, actual: rows.length });
    }
    if (!strictlyIncreasing(ids(rows))) ctx.fail('order', e, 'rows must be ordered by id');
    if (dbRows) ctx.differs('db-rows', e, 'rows vs the users table', findDifference(dbRows, rows));
  },
});

export const usersCrudCheck = defineCheck({
  id: 'users.crud',
  endpoints: ['POST /users', 'GET /users/{id}', 'PUT /users/{id}', 'DELETE /users/{id}'],
  async run(ctx) {
    const tag = uniqueTag();
    const input = { name: `Conformance ${tag}`, email: `conformance-${tag}@example.com` };
    const created = objectBody(await ctx.call('POST /users', { json: input, expect: 201 }));
    if (!created) return;
    const id = created.id as number;
    try {
      ctx.differs('create', 'POST /users', 'created user', findDifference({ ...input, id }, { name: created.name, email: created.email, id: created.id }));
      if (ctx.db) {
        const [row] = await ctx.db.rows(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
        if (!row) ctx.fail('db', 'POST /users', `row ${id} is not in the users table`);
        else ctx.differs('db', 'POST /users', 'created user vs its row', findDifference(row, created));
      }
      const read = objectBody(await ctx.call('GET /users/{id}', { params: { id } }));
      if (read) ctx.differs('read', 'GET /users/{id}', 'read after create', findDifference(created, read));

      const renamed = objectBody(await ctx.call('PUT /users/{id}', { params: { id }, json: { name: `Renamed ${tag}` } }));
      if (renamed) ctx.differs('update', 'PUT /users/{id}', 'partial update of name', findDifference({ ...created, name: `Renamed ${tag}` }, renamed));
      const reread = objectBody(await ctx.call('GET /users/{id}', { params: { id } }));
      if (reread && reread.name !== `Renamed ${tag}`)
        ctx.fail('update', 'GET /users/{id}', 'the update did not persist', { expected: `Renamed ${tag}`, actual: reread.name });

      const newEmail = `moved-${tag}@example.com`;
      const moved = objectBody(await ctx.call('PUT /users/{id}', { params: { id }, json: { email: newEmail } }));
      if (moved)
        ctx.differs('update', 'PUT /users/{id}', 'partial update of email', findDifference({ ...created, name: `Renamed ${tag}`, email: newEmail }, moved));
      // Duplicate email: user 1 exists after the seed.
      const dupPut = await ctx.call('PUT /users/{id}', { params: { id }, json: { email: 'user1@benchmark.com' }, expect: 409 });
      expectDetail(ctx, 'PUT /users/{id}', dupPut, 'Email already exists');
      await ctx.call('PUT /users/{id}', { params: { id }, json: { name: '' }, expect: 422 });
      await ctx.call('PUT /users/{id}', { params: { id }, json: { email: 'no-at-sign' }, expect: 422 });

      const deleted = await ctx.call('DELETE /users/{id}', { params: { id }, expect: 204 });
      if (deleted?.status === 204) {
        expectDetail(ctx, 'GET /users/{id}', await ctx.call('GET /users/{id}', { params: { id }, expect: 404 }), 'User not found', 'delete');
        await ctx.call('DELETE /users/{id}', { params: { id }, expect: 404 });
      }
    } finally {
      if (ctx.db) await ctx.db.rows('DELETE FROM users WHERE id = $1', [id]);
    }
  },
});

export const usersErrorsCheck = defineCheck({
  id: 'users.errors',
  endpoints: ['GET /users/{id}', 'POST /users', 'PUT /users/{id}', 'DELETE /users/{id}'],
  async run(ctx) {
    const missing = 999_999_999;
    expectDetail(ctx, 'GET /users/{id}', await ctx.call('GET /users/{id}', { params: { id: missing }, expect: 404 }), 'User not found');
    await ctx.call('PUT /users/{id}', { params: { id: missing }, json: { name: 'x' }, expect: 404 });
    await ctx.call('DELETE /users/{id}', { params: { id: missing }, expect: 404 });
    await ctx.call('GET /users/{id}', { params: { id: 'abc' }, expect: 422 });
    await ctx.call('GET /users/{id}', { params: { id: '1.5' }, expect: 422 });

    const dup = await ctx.call('POST /users', { json: { name: 'Dup', email: 'user1@benchmark.com' }, expect: 409 });
    expectDetail(ctx, 'POST /users', dup, 'Email already exists');
    const invalid: Array<[string, unknown]> = [
      ['missing name', { email: `x-${uniqueTag()}@example.com` }],
      ['missing email', { name: 'x' }],
      ['empty name', { name: '', email: `x-${uniqueTag()}@example.com` }],
      ['101-char name', { name: 'n'.repeat(101), email: `x-${uniqueTag()}@example.com` }],
      ['email without @', { name: 'x', email: 'no-at-sign' }],
      ['numeric name', { name: 5, email: `x-${uniqueTag()}@example.com` }],
    ];
    for (const [, json] of invalid) {
      const reply = await ctx.call('POST /users', { json, expect: 422 });
      // A wrongly accepted user must not stay behind.
      const body = objectBody(reply);
      if (reply?.status === 201 && typeof body?.id === 'number') await ctx.call('DELETE /users/{id}', { params: { id: body.id }, expect: 204 });
    }
    await ctx.call('POST /users', { raw: '{"name": "x", ', expect: 422 });
  },
});

export const userChecks = [usersListCheck, usersCrudCheck, usersErrorsCheck];
