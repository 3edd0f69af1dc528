import type { Type } from '@nestjs/common';
import { AccountModule } from './account/account.module.js';
import { AgentsModule } from './agents/agents.module.js';
import { CampaignsModule } from './campaigns/campaigns.module.js';
import { DossiersModule } from './dossiers/dossiers.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { SeedModule } from './seed/seed.module.js';

/** The business feature modules, one folder each. */
export const featureModules: Type[] = [DossiersModule, CampaignsModule, AgentsModule, SeedModule, OrganisationsModule, AccountModule];
