import type { Type } from '@nestjs/common';
import { AccountModule } from './account/account.module.js';
import { AgentsModule } from './agents/agents.module.js';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { BilansModule } from './bilans/bilans.module.js';
import { AgreementsModule } from './agreements/agreements.module.js';
import { CampaignsModule } from './campaigns/campaigns.module.js';
import { DossiersModule } from './dossiers/dossiers.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { InstructionModule } from './instruction/instruction.module.js';
import { MembershipsModule } from './memberships/memberships.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { ReportingModule } from './reporting/reporting.module.js';
import { ScoringModule } from './scoring/scoring.module.js';
import { SeedModule } from './seed/seed.module.js';

/** The business feature modules, one folder each. */
export const featureModules: Type[] = [
  DossiersModule,
  CampaignsModule,
  AgentsModule,
  SeedModule,
  OrganisationsModule,
  MembershipsModule,
  AccountModule,
  InstructionModule,
  ScoringModule,
  AgreementsModule,
  BilansModule,
  AttachmentsModule,
  ReportingModule,
  ExportsModule,
  ReferenceModule,
];
