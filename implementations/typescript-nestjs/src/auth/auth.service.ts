import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { elapsedMs, nowMs } from '../common/elapsed';
import { User } from '../database/entities';
import type { AuthContext } from './auth-context';
import { SessionService } from './session.service';

/** Logins and the protected resource (scenario 17); every call reads the user from the database once. */
@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly sessions: SessionService,
  ) {}

  private async findUser(id: number): Promise<{ id: number; email: string }> {
    const user = await this.users.findOne({ select: { id: true, email: true }, where: { id } });
    if (!user) throw new UnauthorizedException('User not found');
    return user;
  }

  /** HS256 `{sub: "<id>", email, exp: now + 1800}` (JwtModule's sign options). */
  async loginJwt(userId: number) {
    const start = nowMs();
    const user = await this.findUser(userId);
    const accessToken = await this.jwt.signAsync({ sub: String(user.id), email: user.email });
    return { access_token: accessToken, token_type: 'bearer', elapsed_ms: elapsedMs(start) };
  }

  async loginSession(userId: number) {
    const start = nowMs();
    const user = await this.findUser(userId);
    const token = await this.sessions.create(user.id);
    return { session_token: token, token_type: 'session', elapsed_ms: elapsedMs(start) };
  }

  /** The protected resource for the user a guard authenticated; `elapsed_ms` includes the guard's check. */
  async protectedResource(authType: 'jwt' | 'session', auth: AuthContext) {
    const user = await this.findUser(auth.userId);
    return { message: 'protected resource', auth_type: authType, user_id: user.id, email: user.email, elapsed_ms: elapsedMs(auth.startedAt) };
  }
}
