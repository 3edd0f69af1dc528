// Loads the demonstration data (`pnpm --filter @nec/api seed`): migrates, then seeds an empty
// database. On a database that already has accounts it says so and exits 0, so `npm start` can
// run it every time.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { parseConfig } from '../config/config.js';
import { openDatabase } from '../database/data-source.js';
import { migrate } from '../database/migrate.js';
import { demoAccounts, DEMO_TOTP_SECRET } from '../seed/demo-accounts.js';
import { DemoSeedInProductionError, seedDemo, type SeedReport } from '../seed/seed.service.js';

function print(report: SeedReport): void {
  if (report.status === 'skipped') {
    console.log(
      'Données de démonstration : la base contient déjà des comptes, rien n’a été ajouté.',
    );
    return;
  }
  console.log('Données de démonstration chargées.');
  console.log(
    `  Appels : ${report.campaigns.map((c) => c.id).join(', ')} (ouvert : ${report.openCampaignId})`,
  );
  console.log(
    `  Structures : ${report.organisations.map((o) => `${o.name} (SIRET ${o.siret})`).join(' ; ')}`,
  );
  console.log('  Dossiers :');
  for (const d of report.dossiers)
    console.log(`    ${d.reference}  ${d.state.padEnd(22)} ${d.title ?? '(sans titre)'}`);
  console.log('  Comptes de démonstration (adresse / mot de passe) :');
  for (const a of demoAccounts)
    console.log(`    ${a.label.padEnd(18)} ${a.email.padEnd(26)} ${a.password}`);
  console.log(
    `  Agents : double authentification avec le secret ${DEMO_TOTP_SECRET} (code du moment : node dist/cli/demo-code.js)`,
  );
}

const config = parseConfig(process.env);
const database = await openDatabase(config);
try {
  await migrate(database);
  const app = await NestFactory.createApplicationContext(AppModule.create(config, database), {
    logger: ['warn', 'error'],
  });
  try {
    print(await seedDemo(app, { history: true }));
  } finally {
    // Closing the application closes the database too (DatabaseModule's shutdown hook).
    await app.close();
  }
} catch (error) {
  if (error instanceof DemoSeedInProductionError) console.error(error.message);
  else console.error('Échec du chargement des données de démonstration :', error);
  process.exitCode = 1;
} finally {
  await database.close();
}
