import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Product } from '../database/entities';
import { TransactionsController } from './transactions.controller';
import { TransactionsService } from './transactions.service';

@Module({ imports: [TypeOrmModule.forFeature([Product])], controllers: [TransactionsController], providers: [TransactionsService] })
export class TransactionsModule {}
