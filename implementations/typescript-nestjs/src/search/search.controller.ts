import { Controller, Get, Query } from '@nestjs/common';
import { IntParam, Text } from '../common/validation';
import { SearchService } from './search.service';

/** Text search: `q` 1–100 characters (no NUL), `limit` 1–100 (default 20). */
export class SearchQuery {
  @Text(1, 100)
  q: string;

  @IntParam({ min: 1, max: 100 })
  limit: number = 20;
}

/** `/search/like` and `/search/fulltext` (scenario 19). */
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get('like')
  like(@Query() { q, limit }: SearchQuery) {
    return this.search.like(q, limit);
  }

  @Get('fulltext')
  fulltext(@Query() { q, limit }: SearchQuery) {
    return this.search.fulltext(q, limit);
  }
}
