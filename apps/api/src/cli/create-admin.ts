// Creates the first administrator of a new platform and prints the one-time link that sets
// their password (the demo seed never runs in production, so nobody has a known password):
//
//   node dist/cli/create-admin.js --email admin@example.gouv.fr --name "Prénom Nom"
//
// Refused once an administrator exists: the others are created in the back office. At their
// first sign-in the administrator enrols their second factor.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { createAgentSchema } from '@nec/contracts';
import { AgentsService } from '../agents/agents.service.js';
import { AppModule } from '../app.module.js';
import { ApiError } from '../common/errors.js';
import { parseConfig } from '../config/config.js';
import { openDatabase } from '../database/data-source.js';
import { assertMigrated } from '../database/migrate.js';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' } },
});
const input = createAgentSchema
  .omit({ role: true })
  .safeParse({ email: values.email, displayName: values.name });
if (!input.success) {
  console.error(
    'Usage : node dist/cli/create-admin.js --email <adresse> --name "<Prénom Nom>"\n' +
      input.error.issues.map((i) => `  - ${i.message}`).join('\n'),
  );
  process.exit(2);
}

const config = parseConfig(process.env);
const database = await openDatabase(config);
try {
  await assertMigrated(database);
  const app = await NestFactory.createApplicationContext(AppModule.create(config, database), {
    logger: ['warn', 'error'],
  });
  try {
    const link = await app.get(AgentsService).createFirstAdmin(input.data);
    console.log(`Administrateur créé : ${input.data.email}`);
    console.log('Lien à usage unique (valable 72 heures) pour choisir son mot de passe :');
    console.log(`  ${link}`);
    console.log(
      'Transmettez-le par un canal sûr ; la double authentification sera demandée à la première connexion.',
    );
  } finally {
    await app.close();
  }
} catch (error) {
  console.error(error instanceof ApiError ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
