import { Module } from '@nestjs/common';
import { JwtModule, type JwtModuleOptions } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { User } from '../database/entities';
import { TOKEN_TTL_SECONDS } from './auth-context';
import { AuthController } from './auth.controller';
import { JwtAuthGuard, SessionAuthGuard } from './auth.guards';
import { AuthService } from './auth.service';
import { SessionService } from './session.service';

/** The `JwtModule` options: HS256 with the secret, 1800 s tokens without `iat`, HS256-only verification. */
export function jwtOptions(config: Pick<AppConfig, 'jwtSecret'>): JwtModuleOptions {
  return {
    secret: config.jwtSecret,
    signOptions: { algorithm: 'HS256', expiresIn: TOKEN_TTL_SECONDS, noTimestamp: true },
    verifyOptions: { algorithms: ['HS256'] },
  };
}

/**
 * `JwtModule` as Nest's authentication chapter configures it: HS256 with `JWT_SECRET`, tokens
 * valid 1800 s, verified with HS256 only (a token signed otherwise, or `alg: none`, is refused).
 * `noTimestamp`: the claims are exactly `{sub, email, exp}`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([User]), JwtModule.registerAsync({ inject: [APP_CONFIG], useFactory: jwtOptions })],
  controllers: [AuthController],
  providers: [AuthService, SessionService, JwtAuthGuard, SessionAuthGuard],
})
export class AuthModule {}
