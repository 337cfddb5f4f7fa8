import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Author } from '../database/entities';
import { ServerConfigController } from './server-config.controller';
import { ServerConfigService } from './server-config.service';

@Module({ imports: [TypeOrmModule.forFeature([Author])], controllers: [ServerConfigController], providers: [ServerConfigService] })
export class ServerConfigModule {}
