import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { pgTypes } from './pg-types';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * TypeORM through `@nestjs/typeorm` (`TypeOrmModule.forRootAsync`, as Nest's database chapter
 * shows): PostgreSQL on `pg`, the 15 entities, no schema synchronisation or migrations (the
 * lab's SQL owns the schema), no SQL logging, one pool of `DB_POOL_SIZE` connections kept open
 * while idle. Feature modules get repositories with `TypeOrmModule.forFeature`.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.databaseUrl,
        entities: ENTITIES,
        namingStrategy: new SnakeNamingStrategy(),
        synchronize: false,
        migrationsRun: false,
        installExtensions: false,
        logging: false,
        poolSize: config.dbPoolSize,
        extra: { types: pgTypes, idleTimeoutMillis: 0 },
        retryAttempts: 10,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule {}
