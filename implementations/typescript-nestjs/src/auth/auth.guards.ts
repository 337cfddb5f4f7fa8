import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isInt4 } from '../common/int4';
import { nowMs } from '../common/elapsed';
import { bearerToken, setAuth, type AuthRequest } from './auth-context';
import { SessionService } from './session.service';

/** Claims of the lab's access token. */
export interface AccessClaims {
  sub: string;
  email: string;
  exp: number;
}

/**
 * Verifies `Authorization: Bearer <jwt>` with `JwtService` (HS256 only, signature and expiry);
 * any failure is 401 `Invalid JWT token`.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(private readonly jwt: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const startedAt = nowMs();
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const token = bearerToken(request);
    let claims: Partial<AccessClaims>;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token);
    } catch {
      throw new UnauthorizedException('Invalid JWT token');
    }
    const userId = typeof claims.sub === 'string' && /^\d+$/.test(claims.sub) ? Number(claims.sub) : NaN;
    if (!isInt4(userId)) throw new UnauthorizedException('Invalid JWT token');
    setAuth(request, { userId, startedAt });
    return true;
  }
}

/** Looks `Authorization: Bearer <session token>` up in Redis; unknown or expired → 401 `Invalid or expired session`. */
@Injectable()
export class SessionAuthGuard implements CanActivate {
  constructor(private readonly sessions: SessionService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const startedAt = nowMs();
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const userId = await this.sessions.userId(bearerToken(request));
    if (userId === null || !isInt4(userId)) throw new UnauthorizedException('Invalid or expired session');
    setAuth(request, { userId, startedAt });
    return true;
  }
}
