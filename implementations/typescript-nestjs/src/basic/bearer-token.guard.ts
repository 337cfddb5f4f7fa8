import { Injectable, UnauthorizedException, createParamDecorator, type CanActivate, type ExecutionContext } from '@nestjs/common';

/** The request property the guard leaves the token in. */
const TOKEN = Symbol('bearerToken');

type WithToken = { headers: Record<string, string | string[] | undefined>; [TOKEN]?: string };

/**
 * `GET /protected`'s simulated bearer check, as a guard in front of the handler, in the
 * contract's order: header present, `Bearer ` prefix, token of at least 10 characters.
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<WithToken>();
    const header = request.headers.authorization;
    if (typeof header !== 'string') throw new UnauthorizedException('Authorization header required');
    if (!header.startsWith('Bearer ')) throw new UnauthorizedException('Invalid authorization format');
    const token = header.slice(7);
    if (token.length < 10) throw new UnauthorizedException('Invalid token');
    request[TOKEN] = token;
    return true;
  }
}

/** The token `BearerTokenGuard` accepted. */
export const BearerToken = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  return context.switchToHttp().getRequest<WithToken>()[TOKEN] ?? '';
});
