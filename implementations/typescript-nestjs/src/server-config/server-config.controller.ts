import { Controller, Get, Query } from '@nestjs/common';
import { IntParam } from '../common/validation';
import { ServerConfigService } from './server-config.service';

/** `/cpu/fibonacci` n: 1–30, default 27 (fib(30) stays well under a second in any language). */
export class FibonacciQuery {
  @IntParam({ min: 1, max: 30 })
  n: number = 27;
}

/** The server-configuration experiments: `/io/*`, `/cpu/*`, `/mixed/report`. */
@Controller()
export class ServerConfigController {
  constructor(private readonly service: ServerConfigService) {}

  @Get('io/sleep')
  sleep() {
    return this.service.sleep();
  }

  @Get('io/db')
  ioDb() {
    return this.service.ioDb();
  }

  @Get('cpu/fibonacci')
  fibonacci(@Query() { n }: FibonacciQuery) {
    return this.service.fibonacci(n);
  }

  @Get('cpu/hash')
  hash() {
    return this.service.hash();
  }

  @Get('cpu/json-serialize')
  jsonSerialize() {
    return this.service.jsonSerialize();
  }

  @Get('mixed/report')
  mixedReport() {
    return this.service.mixedReport();
  }
}
