import { Router } from 'express';
import type { Deps } from '../deps.js';
import { elapsedMs, nowMs } from '../http/elapsed.js';
import { HttpError } from '../http/http-error.js';
import { validate } from '../http/validate.js';
import { LoginQuery } from '../schemas/requests.js';
import { TOKEN_TTL_SECONDS, jwtKey, signAccessToken, verifyAccessToken } from '../services/jwt.js';
import { newSessionToken, sessionKey } from '../services/session-token.js';

/** The token of `Authorization: Bearer <token>`, or 401 `Invalid authorization header`. */
export function bearerToken(header: string | undefined): string {
  if (!header?.startsWith('Bearer ')) throw new HttpError(401, 'Invalid authorization header');
  return header.slice(7);
}

/** /auth/* (scenario 17): HS256 JWTs with jose, Redis sessions. */
export function authRouter({ prisma, redis, jwtSecret }: Deps): Router {
  const router = Router();
  const key = jwtKey(jwtSecret);

  const findUser = async (id: number) => {
    const user = await prisma.user.findUnique({ where: { id }, select: { id: true, email: true } });
    if (!user) throw new HttpError(401, 'User not found');
    return user;
  };

  router.get('/auth/public', (_req, res) => {
    res.json({ message: 'public endpoint', authenticated: false });
  });

  router.post('/auth/login/jwt', async (req, res) => {
    const { user_id } = validate(LoginQuery, req.query);
    const start = nowMs();
    const user = await findUser(user_id);
    const accessToken = await signAccessToken(key, user.id, user.email);
    res.json({ access_token: accessToken, token_type: 'bearer', elapsed_ms: elapsedMs(start) });
  });

  router.post('/auth/login/session', async (req, res) => {
    const { user_id } = validate(LoginQuery, req.query);
    const start = nowMs();
    const user = await findUser(user_id);
    const token = newSessionToken();
    await redis.set(sessionKey(token), String(user.id), 'EX', TOKEN_TTL_SECONDS);
    res.json({ session_token: token, token_type: 'session', elapsed_ms: elapsedMs(start) });
  });

  router.get('/auth/protected/jwt', async (req, res) => {
    const start = nowMs();
    const userId = await verifyAccessToken(key, bearerToken(req.get('authorization')));
    if (userId === null) throw new HttpError(401, 'Invalid JWT token');
    const user = await findUser(userId);
    res.json({ message: 'protected resource', auth_type: 'jwt', user_id: user.id, email: user.email, elapsed_ms: elapsedMs(start) });
  });

  router.get('/auth/protected/session', async (req, res) => {
    const start = nowMs();
    const stored = await redis.get(sessionKey(bearerToken(req.get('authorization'))));
    if (stored === null) throw new HttpError(401, 'Invalid or expired session');
    const user = await findUser(Number(stored));
    res.json({ message: 'protected resource', auth_type: 'session', user_id: user.id, email: user.email, elapsed_ms: elapsedMs(start) });
  });

  return router;
}
