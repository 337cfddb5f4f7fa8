import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Post } from '../database/entities';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

@Module({ imports: [TypeOrmModule.forFeature([Post])], controllers: [SearchController], providers: [SearchService] })
export class SearchModule {}
