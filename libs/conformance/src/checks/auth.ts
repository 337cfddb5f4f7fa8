import { defineCheck } from '../check';
import { findDifference, isObject } from '../compare';
import { expectDetail } from './basic';
import { objectBody } from './helpers';

const PUBLIC = 'GET /auth/public';
const LOGIN_JWT = 'POST /auth/login/jwt';
const LOGIN_SESSION = 'POST /auth/login/session';
const PROTECTED_JWT = 'GET /auth/protected/jwt';
const PROTECTED_SESSION = 'GET /auth/protected/session';

/** Decodes a JWT's payload without verifying it; null when it is not a JWT. */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    return isObject(payload) ? payload : null;
  } catch {
    return null;
  }
}

/** The same token with its payload's `sub` replaced and the original signature kept. */
export function tamperJwt(token: string, sub: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  return [header, Buffer.from(JSON.stringify({ ...claims, sub })).toString('base64url'), signature].join('.');
}

export const authPublicCheck = defineCheck({
  id: 'auth.public',
  endpoints: [PUBLIC],
  async run(ctx) {
    const body = objectBody(await ctx.call(PUBLIC));
    if (body) ctx.differs('body', PUBLIC, 'public endpoint', findDifference({ message: 'public endpoint', authenticated: false }, body));
  },
});

export const authJwtCheck = defineCheck({
  id: 'auth.jwt',
  endpoints: [LOGIN_JWT, PROTECTED_JWT],
  async run(ctx) {
    const user = objectBody(await ctx.call('GET /users/{id}', { params: { id: 1 } }));
    const login = objectBody(await ctx.call(LOGIN_JWT, { query: { user_id: 1 } }));
    const token = login?.access_token;
    if (typeof token !== 'string') return;
    if (login?.token_type !== 'bearer') ctx.fail('login', LOGIN_JWT, 'token_type must be "bearer"', { expected: 'bearer', actual: login?.token_type });
    const claims = decodeJwtPayload(token);
    const now = Date.now() / 1000;
    if (!claims) {
      ctx.fail('claims', LOGIN_JWT, 'access_token is not a JWT');
    } else {
      if (claims.sub !== '1') ctx.fail('claims', LOGIN_JWT, 'sub must be the user id as a string', { expected: '1', actual: claims.sub });
      if (user && claims.email !== user.email) ctx.fail('claims', LOGIN_JWT, "email must be the user's", { expected: user.email, actual: claims.email });
      const exp = claims.exp;
      // exp is now + 1800 s; a minute either way covers clock steps and slow servers.
      if (typeof exp !== 'number' || !Number.isInteger(exp) || Math.abs(exp - (now + 1800)) > 60) {
        ctx.fail('claims', LOGIN_JWT, 'exp must be an integer, now + 1800 s', { expected: Math.round(now + 1800), actual: exp });
      }
    }
    const ok = objectBody(await ctx.call(PROTECTED_JWT, { headers: { authorization: `Bearer ${token}` } }));
    if (ok) {
      const { elapsed_ms: _, ...rest } = ok;
      ctx.differs(
        'protected',
        PROTECTED_JWT,
        'protected resource with a valid token',
        findDifference({ message: 'protected resource', auth_type: 'jwt', user_id: 1, email: user?.email ?? rest.email }, rest),
      );
    }
    if (claims) {
      expectDetail(
        ctx,
        PROTECTED_JWT,
        await ctx.call(PROTECTED_JWT, { headers: { authorization: `Bearer ${tamperJwt(token, '2')}` }, expect: 401 }),
        'Invalid JWT token',
        'tampered',
      );
    }
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${token.split('.')[1] ?? ''}.`;
    expectDetail(
      ctx,
      PROTECTED_JWT,
      await ctx.call(PROTECTED_JWT, { headers: { authorization: `Bearer ${unsigned}` }, expect: 401 }),
      'Invalid JWT token',
      'alg-none',
    );
    expectDetail(ctx, PROTECTED_JWT, await ctx.call(PROTECTED_JWT, { expect: 401 }), 'Invalid authorization header', 'missing-header');
    expectDetail(
      ctx,
      PROTECTED_JWT,
      await ctx.call(PROTECTED_JWT, { headers: { authorization: token }, expect: 401 }),
      'Invalid authorization header',
      'malformed-header',
    );
    expectDetail(ctx, LOGIN_JWT, await ctx.call(LOGIN_JWT, { query: { user_id: 999_999_999 }, expect: 401 }), 'User not found', 'unknown-user');
  },
});

export const authSessionCheck = defineCheck({
  id: 'auth.session',
  endpoints: [LOGIN_SESSION, PROTECTED_SESSION],
  async run(ctx) {
    const login = objectBody(await ctx.call(LOGIN_SESSION, { query: { user_id: 2 } }));
    const token = login?.session_token;
    if (typeof token !== 'string') return;
    if (!/^[A-Za-z0-9_-]{43}$/.test(token))
      ctx.fail('token', LOGIN_SESSION, 'session_token must be 32 random bytes as base64url (43 chars)', { actual: token });
    if (login?.token_type !== 'session') ctx.fail('login', LOGIN_SESSION, 'token_type must be "session"', { expected: 'session', actual: login?.token_type });
    const ok = objectBody(await ctx.call(PROTECTED_SESSION, { headers: { authorization: `Bearer ${token}` } }));
    if (ok && (ok.auth_type !== 'session' || ok.user_id !== 2 || ok.message !== 'protected resource')) {
      ctx.fail('protected', PROTECTED_SESSION, 'protected resource for user 2 with a valid session', {
        expected: { message: 'protected resource', auth_type: 'session', user_id: 2 },
        actual: ok,
      });
    }
    const bogus = 'A'.repeat(43);
    expectDetail(
      ctx,
      PROTECTED_SESSION,
      await ctx.call(PROTECTED_SESSION, { headers: { authorization: `Bearer ${bogus}` }, expect: 401 }),
      'Invalid or expired session',
      'bogus',
    );
    expectDetail(ctx, PROTECTED_SESSION, await ctx.call(PROTECTED_SESSION, { expect: 401 }), 'Invalid authorization header', 'missing-header');
    expectDetail(ctx, LOGIN_SESSION, await ctx.call(LOGIN_SESSION, { query: { user_id: 999_999_999 }, expect: 401 }), 'User not found', 'unknown-user');
  },
});

/** The contract's session lifetime, seconds. */
export const SESSION_TTL_S = 1800;

/**
 * Sessions live in Redis, as the contract says: after a login, `session:<token>` holds the user
 * id with a TTL of 1800 s, and once the gate deletes that key the token is refused.
 */
export const authSessionStoreCheck = defineCheck({
  id: 'auth.session-store',
  endpoints: [LOGIN_SESSION, PROTECTED_SESSION],
  needsRedis: true,
  async run(ctx) {
    const redis = ctx.redis!;
    const userId = 3;
    const login = objectBody(await ctx.call(LOGIN_SESSION, { query: { user_id: userId } }));
    const token = login?.session_token;
    if (typeof token !== 'string') return;
    const key = `session:${token}`;
    const stored = await redis.get(key);
    if (stored === null) {
      ctx.fail('stored', LOGIN_SESSION, 'the session must be stored in Redis as session:<token>; there is no such key for the token returned', {
        expected: `session:${token.slice(0, 8)}…`,
        actual: null,
      });
      return;
    }
    if (stored.replace(/^"(.*)"$/, '$1') !== String(userId))
      ctx.fail('value', LOGIN_SESSION, `session:<token> must hold the user id "${userId}"`, { expected: String(userId), actual: stored });
    const ttl = await redis.ttl(key);
    if (!(ttl > SESSION_TTL_S - 60 && ttl <= SESSION_TTL_S))
      ctx.fail('ttl', LOGIN_SESSION, `session:<token> must expire after ${SESSION_TTL_S} s, its TTL is ${ttl} s (-1: none)`, {
        expected: SESSION_TTL_S,
        actual: ttl,
      });
    await redis.del(key);
    expectDetail(
      ctx,
      PROTECTED_SESSION,
      await ctx.call(PROTECTED_SESSION, { headers: { authorization: `Bearer ${token}` }, expect: 401 }),
      'Invalid or expired session',
      'reads-redis',
    );
  },
});

export const authChecks = [authPublicCheck, authJwtCheck, authSessionCheck, authSessionStoreCheck];
