import { Module, type DynamicModule } from '@nestjs/common';
import { AggregationModule } from './aggregation/aggregation.module';
import { AuthModule } from './auth/auth.module';
import { BasicModule } from './basic/basic.module';
import { BulkModule } from './bulk/bulk.module';
import { CachingModule } from './caching/caching.module';
import { ColumnOverheadModule } from './column-overhead/column-overhead.module';
import { HttpCoreModule } from './common/http-core.module';
import type { AppConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { NPlusOneModule } from './n-plus-one/n-plus-one.module';
import { PaginationModule } from './pagination/pagination.module';
import { RedisModule } from './redis/redis.module';
import { SearchModule } from './search/search.module';
import { ServerConfigModule } from './server-config/server-config.module';
import { TransactionsModule } from './transactions/transactions.module';
import { UploadModule } from './upload/upload.module';
import { UsersModule } from './users/users.module';

/** The application: one feature module per endpoint group of the contract. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        HttpCoreModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        BasicModule,
        UploadModule.forPlatform(config.platform),
        // Before UsersModule: on Express, /users/offset and /users/cursor must be registered before /users/:id.
        PaginationModule,
        UsersModule,
        ColumnOverheadModule,
        NPlusOneModule,
        BulkModule,
        TransactionsModule,
        CachingModule,
        AuthModule,
        AggregationModule,
        ServerConfigModule,
        SearchModule,
      ],
    };
  }
}
