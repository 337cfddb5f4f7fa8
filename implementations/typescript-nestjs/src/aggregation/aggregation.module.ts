import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Post, UserWide } from '../database/entities';
import { AggregationController } from './aggregation.controller';
import { AggregationService } from './aggregation.service';

@Module({ imports: [TypeOrmModule.forFeature([UserWide, Post])], controllers: [AggregationController], providers: [AggregationService] })
export class AggregationModule {}
