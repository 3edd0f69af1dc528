import {
  type DynamicModule,
  Global,
  Inject,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Database } from './data-source.js';
import { Transactions } from './transactions.js';

export const DATABASE = Symbol('DATABASE');

/**
 * Hands an already opened database (PGlite or PostgreSQL) to @nestjs/typeorm, and closes it
 * with the application. Opening happens outside Nest so the CLI tools share the same code.
 * Every feature gets `Transactions`, the one way services open a transaction.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  static forDatabase(database: Database): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => database.dataSource.options,
          dataSourceFactory: () => Promise.resolve(database.dataSource),
        }),
      ],
      providers: [{ provide: DATABASE, useValue: database }, Transactions],
      exports: [DATABASE, Transactions],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
