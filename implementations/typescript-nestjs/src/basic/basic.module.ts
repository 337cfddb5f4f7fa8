import { Module } from '@nestjs/common';
import { BasicController } from './basic.controller';
import { UpstreamService } from './upstream.service';

@Module({ controllers: [BasicController], providers: [UpstreamService] })
export class BasicModule {}
