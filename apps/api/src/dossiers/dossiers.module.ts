import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { DossiersController } from './dossiers.controller.js';
import { DossiersRepository } from './dossiers.repository.js';
import { DossiersService } from './dossiers.service.js';
import { DossierWorkflowService } from './dossier-workflow.service.js';
import { DossierAccessService } from './dossier-access.service.js';

@Module({
  imports: [CampaignsModule, OrganisationsModule],
  controllers: [DossiersController],
  providers: [DossiersRepository, DossiersService, DossierWorkflowService, DossierAccessService],
  exports: [DossiersService, DossiersRepository, DossierWorkflowService, DossierAccessService],
})
export class DossiersModule {}
