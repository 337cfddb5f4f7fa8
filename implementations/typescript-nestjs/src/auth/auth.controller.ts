import { Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { IntParam, ROW_ID } from '../common/validation';
import { Auth, type AuthContext } from './auth-context';
import { JwtAuthGuard, SessionAuthGuard } from './auth.guards';
import { AuthService } from './auth.service';

/** Login `user_id` (required, a row id). */
export class LoginQuery {
  @IntParam(ROW_ID)
  user_id: number;
}

/** `/auth/*` (scenario 17): public, JWT and session-protected endpoints; guards do the authentication. */
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Get('public')
  publicEndpoint() {
    return { message: 'public endpoint', authenticated: false };
  }

  @Post('login/jwt')
  @HttpCode(200)
  loginJwt(@Query() { user_id }: LoginQuery) {
    return this.auth.loginJwt(user_id);
  }

  @Post('login/session')
  @HttpCode(200)
  loginSession(@Query() { user_id }: LoginQuery) {
    return this.auth.loginSession(user_id);
  }

  @Get('protected/jwt')
  @UseGuards(JwtAuthGuard)
  protectedJwt(@Auth() auth: AuthContext) {
    return this.auth.protectedResource('jwt', auth);
  }

  @Get('protected/session')
  @UseGuards(SessionAuthGuard)
  protectedSession(@Auth() auth: AuthContext) {
    return this.auth.protectedResource('session', auth);
  }
}
