import { UnprocessableEntityException, type ArgumentMetadata } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { EchoDto } from '../basic/dto';
import { BulkQuery } from '../bulk/bulk.controller';
import { OffsetQuery } from '../pagination/dto';
import { SearchQuery } from '../search/search.controller';
import { OptimisticQuery } from '../transactions/transactions.controller';
import { CreateUserDto, UpdateUserDto } from '../users/dto';
import { IdParams } from './id-params';
import { codePoints, createValidationPipe } from './validation';

const pipe = createValidationPipe();

async function run(metatype: ArgumentMetadata['metatype'], value: unknown, type: ArgumentMetadata['type'] = 'query'): Promise<unknown> {
  return pipe.transform(value, { type, metatype });
}

async function status(metatype: ArgumentMetadata['metatype'], value: unknown, type: ArgumentMetadata['type'] = 'query'): Promise<number> {
  try {
    await run(metatype, value, type);
    return 200;
  } catch (error) {
    expect(error).toBeInstanceOf(UnprocessableEntityException);
    return 422;
  }
}

describe('integer parameters', () => {
  it('apply the DTO defaults', async () => {
    expect(await run(OffsetQuery, {})).toMatchObject({ page: 1, size: 20 });
    expect(await run(OptimisticQuery, {})).toMatchObject({ product_id: 1, quantity: 1, max_retries: 5 });
    expect(await run(BulkQuery, { count: '10000' })).toMatchObject({ count: 10000 });
  });

  const rejected: Array<[string, ArgumentMetadata['metatype'], unknown]> = [
    ['page 0', OffsetQuery, { page: '0' }],
    ['size 101', OffsetQuery, { size: '101' }],
    ['size 2.5', OffsetQuery, { size: '2.5' }],
    ['page past int4', OffsetQuery, { page: '2147483648' }],
    ['empty page', OffsetQuery, { page: '' }],
    ['a repeated parameter', BulkQuery, { count: ['1', '2'] }],
    ['count 10001', BulkQuery, { count: '10001' }],
    ['max_retries 101', OptimisticQuery, { max_retries: '101' }],
    ['quantity past int4', OptimisticQuery, { quantity: '-2147483649' }],
  ];
  for (const [what, metatype, value] of rejected) it(`rejects ${what} with 422`, async () => expect(await status(metatype, value)).toBe(422));

  it('checks path ids as row ids: 1 to the PostgreSQL integer maximum', async () => {
    expect(await run(IdParams, { id: '1' }, 'param')).toMatchObject({ id: 1 });
    expect(await run(IdParams, { id: '2147483647' }, 'param')).toMatchObject({ id: 2147483647 });
    for (const id of ['0', '-5', '2147483648', '-2147483649', '99999999999999999999', 'abc', '1.5', '1e3', '']) {
      expect(await status(IdParams, { id }, 'param')).toBe(422);
    }
  });
});

describe('bodies', () => {
  it('echo keeps message, optional data object or null', async () => {
    expect(await run(EchoDto, { message: 'hi', extra: 1 }, 'body')).toEqual(Object.assign(new EchoDto(), { message: 'hi' }));
    expect(await status(EchoDto, { message: 'x', data: null }, 'body')).toBe(200);
    for (const body of [{ data: {} }, { message: 42 }, { message: 'x', data: [1] }, { message: 'x', data: 'no' }, null, [1], 'x']) {
      expect(await status(EchoDto, body, 'body')).toBe(422);
    }
  });

  it('user names are 1–100 code points without NUL, emails contain "@"', async () => {
    expect(await status(CreateUserDto, { name: 'a', email: 'a@b' }, 'body')).toBe(200);
    expect(await status(CreateUserDto, { name: '😀'.repeat(100), email: 'a@b' }, 'body')).toBe(200);
    const bad = [
      { name: '', email: 'a@b' },
      { name: 'x'.repeat(101), email: 'a@b' },
      // 120 code points that validator.js's isLength counts as 60
      { name: '❤️'.repeat(60), email: 'a@b' },
      { name: 'a\u0000b', email: 'a@b' },
      { name: 'a', email: 'ab' },
      { name: 'a', email: `${'x'.repeat(255)}@` },
      { name: 5, email: 'a@b' },
      { name: 'a' },
    ];
    for (const body of bad) expect(await status(CreateUserDto, body, 'body')).toBe(422);
  });

  it('a partial update validates present fields, null included', async () => {
    expect(await status(UpdateUserDto, {}, 'body')).toBe(200);
    expect(await status(UpdateUserDto, { email: 'new@x' }, 'body')).toBe(200);
    for (const body of [{ name: null }, { email: null }, { name: '' }, { email: 'no-at' }]) expect(await status(UpdateUserDto, body, 'body')).toBe(422);
  });

  it('search text is 1–100 characters without NUL', async () => {
    expect(await run(SearchQuery, { q: '%' })).toMatchObject({ q: '%', limit: 20 });
    for (const q of ['', 'x'.repeat(101), 'a\u0000', undefined, ['a', 'b']]) expect(await status(SearchQuery, { q })).toBe(422);
  });
});

describe('codePoints', () => {
  it('counts what VARCHAR counts', () => {
    expect(codePoints('abc')).toBe(3);
    expect(codePoints('😀')).toBe(1);
    expect(codePoints('❤️')).toBe(2);
  });
});
