import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { DecisionsService } from './decisions.service.js';
import { DossierNotifier } from './dossier-notifier.js';
import { ExchangesService } from './exchanges.service.js';
import { DossierExchangesController, InstructionController } from './instruction.controller.js';
import { InstructionRepository } from './instruction.repository.js';
import { QueueService } from './queue.service.js';

/**
 * Instruction of submitted dossiers, split by what it does: the queue and assignment
 * (`QueueService`), the exchanges with applicants (`ExchangesService`), the interview and the
 * decision (`DecisionsService`); `DossierNotifier` writes to the people concerned.
 */
@Module({
  imports: [DossiersModule, CampaignsModule],
  controllers: [InstructionController, DossierExchangesController],
  providers: [
    InstructionRepository,
    DossierNotifier,
    QueueService,
    ExchangesService,
    DecisionsService,
  ],
  // The demo seed writes its information requests as the instructors' action does.
  exports: [InstructionRepository],
})
export class InstructionModule {}
