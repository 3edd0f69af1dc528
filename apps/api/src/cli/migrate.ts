import 'reflect-metadata';
import { parseConfig } from '../config/config.js';
import { openDatabase } from '../database/data-source.js';
import { migrate } from '../database/migrate.js';

const database = await openDatabase(parseConfig(process.env));
try {
  const applied = await migrate(database);
  console.log(
    applied.length ? `Migrations appliquées : ${applied.join(', ')}` : 'Base déjà à jour.',
  );
} finally {
  await database.close();
}
