import { JwtService } from '@nestjs/jwt';
import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { jwtOptions } from './auth/auth.module';
import { newSessionToken, sessionKey } from './auth/session.service';
import { bulkRows, insertRawSql, valueCaseSql } from './bulk/bulk-sql';
import { containsPattern } from './search/like-pattern';
import { buildReport, fibonacci, serializedItemsBytes } from './server-config/report';
import { decremented, isSerializationFailure } from './transactions/transactions.service';

describe('bulk SQL', () => {
  it('builds the rows and statements of scenario 12', () => {
    expect(bulkRows(2)).toEqual([
      { name: 'item_0', value: 0 },
      { name: 'item_1', value: 1 },
    ]);
    expect(insertRawSql(2)).toBe("INSERT INTO bulk_items (name, value) VALUES ('item_0', 0), ('item_1', 1)");
    expect(valueCaseSql(3)).toBe('CASE id WHEN 1 THEN 10 WHEN 2 THEN 20 WHEN 3 THEN 30 END');
  });
});

describe('containsPattern', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(containsPattern('abc')).toBe('%abc%');
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('\\')).toBe('%\\\\%');
  });
});

describe('report', () => {
  it('computes totals, averages and top lists with ties by id', () => {
    const report = buildReport([
      { id: 1, name: 'a', post_count: 2, total_views: 10 },
      { id: 2, name: 'b', post_count: 3, total_views: 10 },
      { id: 3, name: 'c', post_count: 0, total_views: 0 },
    ]);
    expect(report.summary).toEqual({ total_authors: 3, total_posts: 5, total_views: 20, avg_posts_per_author: 5 / 3, avg_views_per_post: 4 });
    expect(report.top_by_posts.map((e) => e.id)).toEqual([2, 1, 3]);
    expect(report.top_by_views.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(report.top_by_posts[2]!.avg_views).toBe(0);
  });

  it('fibonacci and the serialised size', () => {
    expect([1, 2, 10, 20].map(fibonacci)).toEqual([1, 1, 55, 6765]);
    expect(serializedItemsBytes(1)).toBe(Buffer.byteLength('[{"id":0,"name":"item_0","email":"item_0@benchmark.com","value":0}]'));
  });
});

describe('transactions', () => {
  it('refuses a stock outside PostgreSQL integer', () => {
    expect(decremented(1000, 1)).toBe(999);
    expect(decremented(1000, -5)).toBe(1005);
    expect(() => decremented(1000, -2147483647)).toThrow();
    expect(() => decremented(-1000, 2147483647)).toThrow();
  });

  it('recognises serialization failures by SQLSTATE', () => {
    const failure = (code: string) => new QueryFailedError('UPDATE', [], Object.assign(new Error('could not serialize'), { code }));
    expect(isSerializationFailure(failure('40001'))).toBe(true);
    expect(isSerializationFailure(failure('40P01'))).toBe(true);
    expect(isSerializationFailure(failure('23505'))).toBe(false);
    expect(isSerializationFailure(new Error('x'))).toBe(false);
  });
});

describe('JWT (JwtModule options)', () => {
  const jwt = new JwtService(jwtOptions({ jwtSecret: 'test-secret' }));
  const decode = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

  it('signs exactly {sub, email, exp = now + 1800} with HS256', async () => {
    const token = await jwt.signAsync({ sub: '7', email: 'u@x' });
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decode(token);
    expect(Object.keys(claims).sort()).toEqual(['email', 'exp', 'sub']);
    expect(Math.abs((claims.exp as number) - (Date.now() / 1000 + 1800))).toBeLessThan(5);
    await expect(jwt.verifyAsync(token)).resolves.toMatchObject({ sub: '7' });
  });

  it('refuses tampered, unsigned, foreign and expired tokens', async () => {
    const token = await jwt.signAsync({ sub: '7', email: 'u@x' });
    const [header, , signature] = token.split('.');
    const tampered = [header, Buffer.from(JSON.stringify({ ...decode(token), sub: '8' })).toString('base64url'), signature].join('.');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${token.split('.')[1]}.`;
    const foreign = await new JwtService(jwtOptions({ jwtSecret: 'other' })).signAsync({ sub: '7', email: 'u@x' });
    const expired = await new JwtService({ secret: 'test-secret' }).signAsync({ sub: '7', email: 'u@x', exp: Math.floor(Date.now() / 1000) - 10 });
    for (const bad of [tampered, unsigned, foreign, expired, 'a.b.c']) await expect(jwt.verifyAsync(bad)).rejects.toThrow();
  });
});

describe('sessions', () => {
  it('are 32 random bytes as base64url under session:<token>', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSessionToken()).not.toBe(token);
    expect(sessionKey(token)).toBe(`session:${token}`);
  });
});
