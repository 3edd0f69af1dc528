import { Module } from '@nestjs/common';
import { AdminCampaignsController, CampaignsController } from './campaigns.controller.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { CampaignsService } from './campaigns.service.js';

/**
 * Calls (campaigns): public list and detail, administration, instructors. Other features import
 * this module for `CampaignsService.getCampaign`, `instructsCampaign`, `campaignIdsInstructedBy`.
 */
@Module({
  controllers: [CampaignsController, AdminCampaignsController],
  providers: [CampaignsRepository, CampaignsService],
  exports: [CampaignsService, CampaignsRepository],
})
export class CampaignsModule {}
