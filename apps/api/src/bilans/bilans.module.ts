import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import {
  AdminNationalEditionsController,
  BilansController,
  CloseDossierController,
  NationalEditionsController,
} from './bilans.controller.js';
import { BilansRepository } from './bilans.repository.js';
import { BilansService } from './bilans.service.js';

/**
 * Bilans: NEC local bilans after the event (event held, bilan draft and submission, closing)
 * and the national editions' figures. Exports `BilansRepository.listRecords` for reporting.
 */
@Module({
  imports: [DossiersModule, CampaignsModule],
  controllers: [
    BilansController,
    CloseDossierController,
    NationalEditionsController,
    AdminNationalEditionsController,
  ],
  providers: [BilansRepository, BilansService],
  exports: [BilansRepository, BilansService],
})
export class BilansModule {}
