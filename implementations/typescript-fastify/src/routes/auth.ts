import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { serve } from '../contract-routes.js';
import type { AppDeps } from '../deps.js';
import { elapsedSince, HttpError, isInt4 } from '../http-error.js';
import { signJwt, verifyJwt } from '../jwt.js';

/** Lifetime of a JWT (`exp` = now + this) and of a session key in Redis, in seconds. */
export const AUTH_TTL_SECONDS = 1800;

const USER_NOT_FOUND = 'User not found';

/** The Redis key of a session token. */
export function sessionKey(token: string): string {
  return `session:${token}`;
}

/** Extracts the token of `Authorization: Bearer <token>`; missing or malformed → 401. */
export function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (header === undefined || !header.startsWith('Bearer ') || header.length === 7) {
    throw new HttpError(401, 'Invalid authorization header');
  }
  return header.slice(7);
}

/** A user id as a token or session stores it (decimal digits within int4), else undefined. */
export function storedUserId(text: string | null | undefined): number | undefined {
  if (typeof text !== 'string' || !/^\d{1,10}$/.test(text)) return undefined;
  const id = Number(text);
  return isInt4(id) ? id : undefined;
}

type LoginQuery = { Querystring: { user_id: number } };

/**
 * Registers the auth endpoints (scenario 17): HS256 JWTs and Redis-backed sessions. Both
 * protected variants read the user from the database once.
 */
export async function authRoutes(app: FastifyInstance, { pool, redis, jwtSecret }: AppDeps): Promise<void> {
  const findUser = async (id: number): Promise<{ id: number; email: string }> => {
    const { rows } = await pool.query<{ id: number; email: string }>('SELECT id, email FROM users WHERE id = $1', [id]);
    if (rows.length === 0) throw new HttpError(401, USER_NOT_FOUND);
    return rows[0]!;
  };

  serve(app, 'auth.public', async () => ({ message: 'public endpoint', authenticated: false }));

  serve<LoginQuery>(app, 'auth.login.jwt', async (request) => {
    const start = performance.now();
    const user = await findUser(request.query.user_id);
    const exp = Math.floor(Date.now() / 1000) + AUTH_TTL_SECONDS;
    const accessToken = signJwt({ sub: String(user.id), email: user.email, exp }, jwtSecret);
    return { access_token: accessToken, token_type: 'bearer', elapsed_ms: elapsedSince(start) };
  });

  serve<LoginQuery>(app, 'auth.login.session', async (request) => {
    const start = performance.now();
    const user = await findUser(request.query.user_id);
    const token = randomBytes(32).toString('base64url');
    await redis.set(sessionKey(token), String(user.id), 'EX', AUTH_TTL_SECONDS);
    return { session_token: token, token_type: 'session', elapsed_ms: elapsedSince(start) };
  });

  serve(app, 'auth.protected.jwt', async (request) => {
    const start = performance.now();
    const claims = verifyJwt(bearerToken(request), jwtSecret);
    const userId = storedUserId(claims?.sub);
    if (userId === undefined) throw new HttpError(401, 'Invalid JWT token');
    const user = await findUser(userId);
    return { message: 'protected resource', auth_type: 'jwt', user_id: user.id, email: user.email, elapsed_ms: elapsedSince(start) };
  });

  serve(app, 'auth.protected.session', async (request) => {
    const start = performance.now();
    const userId = storedUserId(await redis.get(sessionKey(bearerToken(request))));
    if (userId === undefined) throw new HttpError(401, 'Invalid or expired session');
    const user = await findUser(userId);
    return { message: 'protected resource', auth_type: 'session', user_id: user.id, email: user.email, elapsed_ms: elapsedSince(start) };
  });
}
