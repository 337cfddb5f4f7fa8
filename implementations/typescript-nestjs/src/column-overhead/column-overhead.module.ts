import { Module } from '@nestjs/common';
import { ColumnOverheadController } from './column-overhead.controller';
import { ColumnOverheadService } from './column-overhead.service';

@Module({ controllers: [ColumnOverheadController], providers: [ColumnOverheadService] })
export class ColumnOverheadModule {}
