import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Author, Post } from '../database/entities';
import { NPlusOneController } from './n-plus-one.controller';
import { NPlusOneService } from './n-plus-one.service';

@Module({ imports: [TypeOrmModule.forFeature([Author, Post])], controllers: [NPlusOneController], providers: [NPlusOneService] })
export class NPlusOneModule {}
