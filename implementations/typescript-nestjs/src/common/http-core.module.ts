import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { HttpExceptionFilter } from './http-exception.filter';
import { JsonDepthPipe } from './json-depth.pipe';
import { RouteTable } from './route-table';
import { createValidationPipe } from './validation';

/**
 * What every request goes through, whatever the feature: the configuration, the global pipes
 * (`APP_PIPE`: a nesting-depth guard, then the `ValidationPipe`) and the one exception filter (`APP_FILTER`) with the route table
 * it answers 405s from. Global enhancers as providers, as Nest's docs recommend, so they are
 * built by dependency injection.
 */
@Module({})
export class HttpCoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: HttpCoreModule,
      imports: [ConfigModule.forRoot(config), DiscoveryModule],
      providers: [
        RouteTable,
        { provide: APP_PIPE, useClass: JsonDepthPipe },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
    };
  }
}
