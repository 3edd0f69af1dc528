import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { AgreementsController } from './agreements.controller.js';
import { AgreementsRepository } from './agreements.repository.js';
import { AgreementsService } from './agreements.service.js';

/** The grant agreement (PDF, signature) of subsidised dossiers and their follow-up committees. */
@Module({
  imports: [DossiersModule, CampaignsModule],
  controllers: [AgreementsController],
  providers: [AgreementsRepository, AgreementsService],
})
export class AgreementsModule {}
