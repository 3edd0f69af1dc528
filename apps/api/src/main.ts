import 'reflect-metadata';
import { createApp, openApiUiEnabled } from './app.factory.js';
import { createLogger } from './common/logger.js';
import { parseConfig, productionReminders, productionWaivers } from './config/config.js';
import { openDatabase } from './database/data-source.js';
import { DatabaseInUseError } from './database/data-dir-lock.js';
import { assertMigrated } from './database/migrate.js';
import { assertPortFree, PortInUseError } from './server/port.js';
import { installGracefulShutdown, Lifecycle } from './server/shutdown.js';
import { startWatchdog } from './server/watchdog.js';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  // One JSON logger for the process: the database, Nest, the requests and the lines below.
  const logger = createLogger(config);
  // Start-up and shutdown lines are written whatever NEC_LOG_LEVEL says (supervisors wait for them).
  const lifecycleLog = logger.child({ context: 'Lifecycle' }, { level: 'info' });
  const log = (line: string) => lifecycleLog.info(line);
  for (const waiver of productionWaivers(config)) log(`Dérogation en production — ${waiver}`);
  for (const reminder of productionReminders(config))
    log(`À compléter en production — ${reminder}`);
  // The port first: nothing is opened by a process that could not serve anyway.
  await assertPortFree(config.HOST, config.PORT);
  const database = await openDatabase(config, logger);
  try {
    await assertMigrated(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const lifecycle = new Lifecycle();
  const app = await createApp(config, database, {}, lifecycle);
  const stop = installGracefulShutdown({
    app,
    server: app.getHttpServer(),
    lifecycle,
    timeoutMs: config.NEC_SHUTDOWN_TIMEOUT_MS,
    log,
  });
  database.onFatal((error) => {
    logger.fatal(
      `Erreur fatale de la base embarquée (${error.message}) : l’API s’arrête pour être relancée. ` +
        'Vérifiez l’espace disque du dossier de données ; au redémarrage, la base rejoue son journal et ne perd aucune écriture confirmée.',
    );
    void stop('erreur fatale de la base', 1);
  });
  startWatchdog(config.NEC_STALL_TIMEOUT_MS);
  await app.listen(config.PORT, config.HOST);
  const where =
    database.kind === 'embedded' ? `base embarquée (${config.NEC_DATA_DIR})` : 'PostgreSQL';
  const docs = openApiUiEnabled(config) ? '/api/docs' : '/api/docs/openapi.json';
  log(
    `API NEC prête sur http://${config.HOST}:${config.PORT} — ${where} — documentation : ${docs} (pid ${process.pid})`,
  );
}

main().catch((error: unknown) => {
  // Expected refusals get one clear line; anything else its stack.
  const expected =
    error instanceof DatabaseInUseError ||
    error instanceof PortInUseError ||
    (error instanceof Error && /^(Invalid configuration|La base de données)/.test(error.message));
  console.error(expected ? (error as Error).message : error);
  process.exit(1);
});
