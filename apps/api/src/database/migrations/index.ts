import type { MigrationInterface } from 'typeorm';
import { Initial1763900000000 } from './1763900000000-initial.js';
import { DossierReferences1763900100000 } from './1763900100000-dossier-references.js';
import { Instruction1763900200000 } from './1763900200000-instruction.js';
import { ScoringAgreements1763900300000 } from './1763900300000-scoring-agreements.js';
import { Attachments1763900400000 } from './1763900400000-attachments.js';
import { Bilans1763900500000 } from './1763900500000-bilans.js';
import { ReportingVersion1763900600000 } from './1763900600000-reporting-version.js';
import { AnswerAttachments1763900700000 } from './1763900700000-answer-attachments.js';
import { ReportingFacts1764400000000 } from './1764400000000-reporting-facts.js';
import { AuditTrail1765000000000 } from './1765000000000-audit-trail.js';
import { AccountsSecurity1765100000000 } from './1765100000000-accounts-security.js';
import { Memberships1765200000000 } from './1765200000000-memberships.js';
import { ReportingFigures1765300000000 } from './1765300000000-reporting-figures.js';
import { SharedLimits1765400000000 } from './1765400000000-shared-limits.js';
import { BilanPhotos1765431000000 } from './1765431000000-bilan-photos.js';
import { AttachmentRetention1765500000000 } from './1765500000000-attachment-retention.js';

/** The checked-in migrations, in order. Both PGlite and PostgreSQL run exactly these. */
export const migrations: (new () => MigrationInterface)[] = [
  Initial1763900000000,
  DossierReferences1763900100000,
  Instruction1763900200000,
  ScoringAgreements1763900300000,
  Attachments1763900400000,
  Bilans1763900500000,
  ReportingVersion1763900600000,
  AnswerAttachments1763900700000,
  ReportingFacts1764400000000,
  AuditTrail1765000000000,
  AccountsSecurity1765100000000,
  Memberships1765200000000,
  ReportingFigures1765300000000,
  SharedLimits1765400000000,
  BilanPhotos1765431000000,
  AttachmentRetention1765500000000,
];
