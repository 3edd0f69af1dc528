import type { PGlite } from '@electric-sql/pglite';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { openPglite, pgliteDriver } from './pglite-driver.js';

export interface Database {
  dataSource: DataSource;
  kind: 'postgres' | 'embedded';
  /** Closes the pool and, for the embedded database, the PGlite instance. */
  close(): Promise<void>;
}

function postgresOptions(
  config: AppConfig,
  connection: { url: string; poolSize: number } | { driver: unknown },
): DataSourceOptions {
  return {
    type: 'postgres',
    ...connection,
    entities,
    migrations,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL ≥ 13 and PGlite: no extension to install.
    uuidExtension: 'pgcrypto',
    // The schema is only ever changed by the checked-in migrations.
    synchronize: false,
    logging: config.NEC_LOG_SQL ? ['query', 'error'] : ['error'],
  };
}

/** Opens the database the configuration names: PostgreSQL if `DATABASE_URL`, else PGlite. */
export async function openDatabase(config: AppConfig): Promise<Database> {
  if (config.DATABASE_URL) {
    const dataSource = new DataSource(
      postgresOptions(config, { url: config.DATABASE_URL, poolSize: 10 }),
    );
    await dataSource.initialize();
    return {
      dataSource,
      kind: 'postgres',
      close: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    };
  }
  const pglite: PGlite = await openPglite(config.NEC_DATA_DIR);
  const dataSource = new DataSource(postgresOptions(config, { driver: pgliteDriver(pglite) }));
  await dataSource.initialize();
  return {
    dataSource,
    kind: 'embedded',
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
