import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserPagination } from '../database/entities';
import { PaginationController } from './pagination.controller';
import { PaginationService } from './pagination.service';

@Module({ imports: [TypeOrmModule.forFeature([UserPagination])], controllers: [PaginationController], providers: [PaginationService] })
export class PaginationModule {}
