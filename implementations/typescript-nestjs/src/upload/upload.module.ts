import { Module, type DynamicModule } from '@nestjs/common';
import type { HttpPlatform } from '../config/app-config';
import { ExpressUploadController } from './express-upload.controller';
import { FastifyUploadController } from './fastify-upload.controller';

/**
 * `POST /upload`: multipart parsing is the one place where Nest leaves the platform showing, so
 * this dynamic module mounts the controller written for the platform the app runs on.
 */
@Module({})
export class UploadModule {
  static forPlatform(platform: HttpPlatform): DynamicModule {
    return { module: UploadModule, controllers: [platform === 'fastify' ? FastifyUploadController : ExpressUploadController] };
  }
}
