import { UnauthorizedException, createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** What the auth guards leave on the request: the user id they authenticated and when they started. */
export interface AuthContext {
  userId: number;
  startedAt: number;
}

const AUTH = Symbol('auth');

type Headers = Record<string, string | string[] | undefined>;
export type AuthRequest = { headers: Headers; [AUTH]?: AuthContext };

/** Lifetime of a JWT and of a session, in seconds. */
export const TOKEN_TTL_SECONDS = 1800;

/** The token of `Authorization: Bearer <token>`, or 401 `Invalid authorization header`. */
export function bearerToken(request: AuthRequest): string {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) throw new UnauthorizedException('Invalid authorization header');
  return header.slice(7);
}

export function setAuth(request: AuthRequest, auth: AuthContext): void {
  request[AUTH] = auth;
}

/** The `AuthContext` a guard set (`@Auth() auth: AuthContext`). */
export const Auth = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  const auth = context.switchToHttp().getRequest<AuthRequest>()[AUTH];
  if (!auth) throw new UnauthorizedException('Invalid authorization header');
  return auth;
});
