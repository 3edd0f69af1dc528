import type { MigrationInterface } from 'typeorm';
import { Initial1763900000000 } from './1763900000000-initial.js';
import { DossierReferences1763900100000 } from './1763900100000-dossier-references.js';

/** The checked-in migrations, in order. Both PGlite and PostgreSQL run exactly these. */
export const migrations: (new () => MigrationInterface)[] = [Initial1763900000000, DossierReferences1763900100000];
