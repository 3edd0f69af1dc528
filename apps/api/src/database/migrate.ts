import type { Database } from './data-source.js';

/** Applies pending migrations; returns their names. Run once per release, before the API starts. */
export async function migrate(database: Database): Promise<string[]> {
  const applied = await database.dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}

/** The API refuses to start on a schema that is not up to date, rather than fail later. */
export async function assertMigrated(database: Database): Promise<void> {
  if (await database.dataSource.showMigrations()) {
    throw new Error(
      'La base de données n’est pas à jour : lancez d’abord `pnpm --filter @nec/api migrate`.',
    );
  }
}
