import { Controller, Get, Query } from '@nestjs/common';
import { IntParam } from '../common/validation';
import { AggregationService } from './aggregation.service';

/** Aggregation stats `limit`: 1–100, default 10. */
export class StatsQuery {
  @IntParam({ min: 1, max: 100 })
  limit: number = 10;
}

/** `/aggregation/*` (scenario 18): the same answers from TypeORM and from hand-written SQL. */
@Controller('aggregation')
export class AggregationController {
  constructor(private readonly aggregation: AggregationService) {}

  @Get('count/orm')
  countOrm() {
    return this.aggregation.countOrm();
  }

  @Get('count/raw')
  countRaw() {
    return this.aggregation.countRaw();
  }

  @Get('stats/country/orm')
  countryOrm(@Query() { limit }: StatsQuery) {
    return this.aggregation.statsByCountryOrm(limit);
  }

  @Get('stats/country/raw')
  countryRaw(@Query() { limit }: StatsQuery) {
    return this.aggregation.statsByCountryRaw(limit);
  }

  @Get('stats/author/orm')
  authorOrm(@Query() { limit }: StatsQuery) {
    return this.aggregation.statsByAuthorOrm(limit);
  }

  @Get('stats/author/raw')
  authorRaw(@Query() { limit }: StatsQuery) {
    return this.aggregation.statsByAuthorRaw(limit);
  }
}
