import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { parseConfig } from './config/config.js';
import { openDatabase } from './database/data-source.js';
import { assertMigrated } from './database/migrate.js';

const config = parseConfig(process.env);
const database = await openDatabase(config);
await assertMigrated(database);
const app = await createApp(config, database);
await app.listen(config.PORT, config.HOST);
const where =
  database.kind === 'embedded' ? `base embarquée (${config.NEC_DATA_DIR})` : 'PostgreSQL';
console.log(
  `API NEC prête sur http://${config.HOST}:${config.PORT} — ${where} — documentation : /api/docs`,
);
