import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { DossierExchangesController, InstructionController } from './instruction.controller.js';
import { InstructionRepository } from './instruction.repository.js';
import { InstructionService } from './instruction.service.js';

/** Instruction of submitted dossiers (queue, assignment, decisions) and exchanges with applicants. */
@Module({
  imports: [DossiersModule, CampaignsModule],
  controllers: [InstructionController, DossierExchangesController],
  providers: [InstructionRepository, InstructionService],
  exports: [InstructionService],
})
export class InstructionModule {}
