import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { BearerToken, BearerTokenGuard } from './bearer-token.guard';
import { EchoDto } from './dto';
import { UpstreamService } from './upstream.service';

/** `/health`, `/echo`, `/external` and `/protected` (scenarios 01, 02, 05, 06). */
@Controller()
export class BasicController {
  constructor(private readonly upstream: UpstreamService) {}

  @Get('health')
  health() {
    return { status: 'ok', server: 'typescript-nestjs' };
  }

  @Post('echo')
  @HttpCode(200)
  echo(@Body() body: EchoDto) {
    return { message: body.message, data: body.data ?? null };
  }

  @Get('external')
  external() {
    return this.upstream.fetchDelayed();
  }

  @Get('protected')
  @UseGuards(BearerTokenGuard)
  protectedRoute(@BearerToken() token: string) {
    return { message: 'Access granted', user: `user_from_token_${token.slice(0, 8)}` };
  }
}
