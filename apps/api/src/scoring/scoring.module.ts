import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { ScoringController } from './scoring.controller.js';
import { ScoringRepository } from './scoring.repository.js';
import { ScoringService } from './scoring.service.js';

/** Scoring of dossiers on the campaign's selection grid, and the campaign's ranking. */
@Module({
  imports: [DossiersModule, CampaignsModule],
  controllers: [ScoringController],
  providers: [ScoringRepository, ScoringService],
  exports: [ScoringService],
})
export class ScoringModule {}
