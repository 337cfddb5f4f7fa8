import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../database/entities';
import { CachingController } from './caching.controller';
import { CachingService } from './caching.service';

@Module({ imports: [TypeOrmModule.forFeature([User])], controllers: [CachingController], providers: [CachingService] })
export class CachingModule {}
