import type { PGlite } from '@electric-sql/pglite';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { createLogger, type AppLogger } from '../common/logger.js';
import type { AppConfig } from '../config/config.js';
import { lockDataDir } from './data-dir-lock.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { openPglite, pgliteDriver } from './pglite-driver.js';
import { SafeTypeOrmLogger } from './typeorm-logger.js';

export interface Database {
  dataSource: DataSource;
  kind: 'postgres' | 'embedded';
  /** The JSON logger the database logs to; the application logs to it too. */
  logger: AppLogger;
  /** Closes the pool and, for the embedded database, the PGlite instance (and its lock). */
  close(): Promise<void>;
  /**
   * Registers what to do when the database stops for good: the embedded server after a fatal
   * error (see pglite-driver.ts). PostgreSQL's pool reconnects by itself and never calls it.
   */
  onFatal(listener: (error: Error) => void): void;
  /**
   * The whole embedded database, as a tar archive another in-memory database can start from
   * (`openDatabase`'s `copyOf`): the tests migrate once per worker, then start each file's
   * database from that copy. Absent for PostgreSQL.
   */
  copy?: () => Promise<Blob>;
}

export interface OpenOptions {
  /** An in-memory embedded database starts from this copy (see `Database.copy`). */
  copyOf?: Blob;
}

function postgresOptions(
  config: AppConfig,
  connection: { url: string; poolSize: number } | { driver: unknown },
  logger: AppLogger,
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
    logging: config.NEC_LOG_SQL ? ['query', 'error', 'warn', 'migration'] : ['error'],
    // Never TypeORM's own loggers: they print the parameters of a failed query (a password hash).
    logger: new SafeTypeOrmLogger(logger, config.NEC_LOG_SQL),
  };
}

/**
 * Opens the database the configuration names: PostgreSQL if `DATABASE_URL`, else PGlite. Its
 * logs go to `logger` (by default a new JSON logger on standard output).
 */
export async function openDatabase(
  config: AppConfig,
  logger: AppLogger = createLogger(config),
  options: OpenOptions = {},
): Promise<Database> {
  if (config.DATABASE_URL) {
    const dataSource = new DataSource(
      postgresOptions(config, { url: config.DATABASE_URL, poolSize: 10 }, logger),
    );
    await dataSource.initialize();
    return {
      dataSource,
      kind: 'postgres',
      logger,
      close: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
      },
      onFatal: () => undefined,
    };
  }
  return openEmbedded(config, logger, options.copyOf);
}

/** PGlite in its folder, after taking the folder's lock (one process per folder). */
async function openEmbedded(
  config: AppConfig,
  logger: AppLogger,
  copyOf?: Blob,
): Promise<Database> {
  const inMemory = config.NEC_DATA_DIR === 'memory://';
  const lock = inMemory ? null : await lockDataDir(config.NEC_DATA_DIR);
  let fatal: Error | null = null;
  const listeners: ((error: Error) => void)[] = [];
  try {
    const pglite: PGlite = await openPglite(config.NEC_DATA_DIR, copyOf);
    const driver = pgliteDriver(pglite, {
      onFatal: (error) => {
        fatal = error;
        for (const listener of listeners) listener(error);
      },
    });
    const dataSource = new DataSource(postgresOptions(config, { driver }, logger));
    await dataSource.initialize();
    return {
      dataSource,
      kind: 'embedded',
      logger,
      close: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
        // After a fatal error PGlite must not be called again (it would spin): the process
        // exits instead, and the next start replays the WAL.
        if (!fatal && !pglite.closed) await pglite.close();
        lock?.release();
      },
      onFatal: (listener) => {
        listeners.push(listener);
      },
      copy: () => pglite.dumpDataDir('none'),
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
