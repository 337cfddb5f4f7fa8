import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AppDeps } from '../deps.js';
import { elapsedSince, HttpError, INT4_MAX, queryInt, ROW_ID, sendJson } from '../http.js';
import { signJwt, verifyJwt } from '../jwt.js';
import type { Router } from '../router.js';

/** Lifetime of a JWT (`exp` = now + this) and of a session key in Redis, in seconds. */
export const AUTH_TTL_SECONDS = 1800;

const USER_NOT_FOUND = 'User not found';

/** The Redis key of a session token. */
export function sessionKey(token: string): string {
  return `session:${token}`;
}

/** Extracts the token of `Authorization: Bearer <token>`; missing or malformed → 401. */
export function bearerToken(req: IncomingMessage): string {
  const header = req.headers.authorization;
  if (header === undefined || !header.startsWith('Bearer ') || header.length === 7) {
    throw new HttpError(401, 'Invalid authorization header');
  }
  return header.slice(7);
}

/**
 * Registers the auth endpoints (scenario 17): HS256 JWTs and Redis-backed sessions. Both
 * protected variants read the user from the database once.
 */
export function registerAuthRoutes(router: Router, { pool, redis, jwtSecret }: AppDeps): void {
  const findUser = async (id: number): Promise<{ id: number; email: string }> => {
    // An id from a token or a session that no integer column can hold names no user.
    if (id < 1 || id > INT4_MAX) throw new HttpError(401, USER_NOT_FOUND);
    const { rows } = await pool.query<{ id: number; email: string }>('SELECT id, email FROM users WHERE id = $1', [id]);
    if (rows.length === 0) throw new HttpError(401, USER_NOT_FOUND);
    return rows[0]!;
  };

  router.get('/auth/public', ({ res }) => {
    sendJson(res, 200, { message: 'public endpoint', authenticated: false });
  });

  router.post('/auth/login/jwt', async ({ res, query }) => {
    const userId = queryInt(query, 'user_id', ROW_ID);
    const start = performance.now();
    const user = await findUser(userId);
    const exp = Math.floor(Date.now() / 1000) + AUTH_TTL_SECONDS;
    const accessToken = signJwt({ sub: String(user.id), email: user.email, exp }, jwtSecret);
    sendJson(res, 200, { access_token: accessToken, token_type: 'bearer', elapsed_ms: elapsedSince(start) });
  });

  router.post('/auth/login/session', async ({ res, query }) => {
    const userId = queryInt(query, 'user_id', ROW_ID);
    const start = performance.now();
    const user = await findUser(userId);
    const token = randomBytes(32).toString('base64url');
    await redis.set(sessionKey(token), String(user.id), 'EX', AUTH_TTL_SECONDS);
    sendJson(res, 200, { session_token: token, token_type: 'session', elapsed_ms: elapsedSince(start) });
  });

  router.get('/auth/protected/jwt', async ({ req, res }) => {
    const start = performance.now();
    const claims = verifyJwt(bearerToken(req), jwtSecret);
    const userId = claims && /^\d+$/.test(claims.sub) ? Number(claims.sub) : undefined;
    if (userId === undefined) throw new HttpError(401, 'Invalid JWT token');
    const user = await findUser(userId);
    sendJson(res, 200, {
      message: 'protected resource',
      auth_type: 'jwt',
      user_id: user.id,
      email: user.email,
      elapsed_ms: elapsedSince(start),
    });
  });

  router.get('/auth/protected/session', async ({ req, res }) => {
    const start = performance.now();
    const stored = await redis.get(sessionKey(bearerToken(req)));
    if (stored === null || !/^\d+$/.test(stored)) throw new HttpError(401, 'Invalid or expired session');
    const user = await findUser(Number(stored));
    sendJson(res, 200, {
      message: 'protected resource',
      auth_type: 'session',
      user_id: user.id,
      email: user.email,
      elapsed_ms: elapsedSince(start),
    });
  });
}
