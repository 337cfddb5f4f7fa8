import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BulkItem } from '../database/entities';
import { BulkController } from './bulk.controller';
import { BulkService } from './bulk.service';

@Module({ imports: [TypeOrmModule.forFeature([BulkItem])], controllers: [BulkController], providers: [BulkService] })
export class BulkModule {}
