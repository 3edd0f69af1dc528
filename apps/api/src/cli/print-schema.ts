// Prints the SQL that would bring an empty database to the entities' schema: a starting point
// for writing a migration by hand (`node dist/cli/print-schema.js`).
import 'reflect-metadata';
import { parseConfig } from '../config/config.js';
import { openDatabase } from '../database/data-source.js';

const db = await openDatabase(parseConfig({ ...process.env, NEC_DATA_DIR: 'memory://' }));
await db.dataSource.runMigrations();
const sql = await db.dataSource.driver.createSchemaBuilder().log();
for (const q of sql.upQueries) console.log(`${q.query};`);
await db.close();
