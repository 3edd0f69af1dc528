import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { DossiersController } from './dossiers.controller.js';
import { DossiersRepository } from './dossiers.repository.js';
import { DossiersService } from './dossiers.service.js';
import { DossierWorkflowService } from './dossier-workflow.service.js';

@Module({
  imports: [CampaignsModule],
  controllers: [DossiersController],
  providers: [DossiersRepository, DossiersService, DossierWorkflowService],
  exports: [DossiersService, DossiersRepository, DossierWorkflowService],
})
export class DossiersModule {}
