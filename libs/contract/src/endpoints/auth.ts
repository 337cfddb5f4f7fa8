import { z } from 'zod';
import { defineEndpoint, invalidInput } from '../endpoint-def';
import { detailBody } from '../schemas/error-body';
import { idParam } from '../schemas/int-param';
import { ElapsedMs, Int } from '../schemas/primitives';

/** A compact JWS: three base64url segments separated by dots. */
export const JWT_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** A session token: 32 random bytes, base64url without padding (43 characters). */
export const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** `user_id` query parameter of the login endpoints (required). */
export const LoginQuery = z.object({ user_id: idParam('Id of the user to log in') });

const loginFailed = { description: 'Unknown user.', schema: detailBody('User not found') };

function protectedResource<const T extends 'jwt' | 'session'>(type: T, invalid: string) {
  return defineEndpoint({
    id: `auth.protected.${type}`,
    method: 'GET',
    path: `/auth/protected/${type}`,
    group: 'auth',
    summary: `Verifies the ${type} bearer token, then reads the user from the database once.`,
    auth: 'bearer',
    responses: {
      200: {
        description: 'The authenticated user.',
        schema: z.strictObject({
          message: z.literal('protected resource'),
          auth_type: z.literal(type),
          user_id: Int,
          email: z.string(),
          elapsed_ms: ElapsedMs,
        }),
      },
      401: {
        description: "Missing or malformed header, invalid token, or the token's user no longer exists.",
        schema: detailBody('Invalid authorization header', invalid, 'User not found'),
      },
    },
  });
}

/** GET /auth/public */
export const authPublic = defineEndpoint({
  id: 'auth.public',
  method: 'GET',
  path: '/auth/public',
  group: 'auth',
  summary: 'No authentication, no database.',
  responses: {
    200: {
      description: 'Public.',
      schema: z.strictObject({ message: z.literal('public endpoint'), authenticated: z.literal(false) }),
    },
  },
});

/** POST /auth/login/jwt */
export const authLoginJwt = defineEndpoint({
  id: 'auth.login.jwt',
  method: 'POST',
  path: '/auth/login/jwt',
  group: 'auth',
  summary: 'Issues an HS256 JWT {sub, email, exp = now + 1800} for user_id.',
  query: LoginQuery,
  responses: {
    200: {
      description: 'The token.',
      schema: z.strictObject({
        access_token: z.string().regex(JWT_PATTERN),
        token_type: z.literal('bearer'),
        elapsed_ms: ElapsedMs,
      }),
    },
    401: loginFailed,
    422: invalidInput,
  },
});

/** POST /auth/login/session */
export const authLoginSession = defineEndpoint({
  id: 'auth.login.session',
  method: 'POST',
  path: '/auth/login/session',
  group: 'auth',
  summary: 'Stores session:<token> → "<user id>" in Redis (TTL 1800 s).',
  query: LoginQuery,
  responses: {
    200: {
      description: 'The session token.',
      schema: z.strictObject({
        session_token: z.string().regex(SESSION_TOKEN_PATTERN),
        token_type: z.literal('session'),
        elapsed_ms: ElapsedMs,
      }),
    },
    401: loginFailed,
    422: invalidInput,
  },
});

/** GET /auth/protected/jwt */
export const authProtectedJwt = protectedResource('jwt', 'Invalid JWT token');
/** GET /auth/protected/session */
export const authProtectedSession = protectedResource('session', 'Invalid or expired session');

/** The 5 auth endpoints (scenario 17). */
export const authEndpoints = [authPublic, authLoginJwt, authLoginSession, authProtectedJwt, authProtectedSession] as const;
