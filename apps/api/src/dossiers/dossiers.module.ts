import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { DossiersController } from './dossiers.controller.js';
import { DossiersRepository } from './dossiers.repository.js';
import { DossiersService } from './dossiers.service.js';

@Module({
  imports: [CampaignsModule],
  controllers: [DossiersController],
  providers: [DossiersRepository, DossiersService],
  exports: [DossiersService, DossiersRepository],
})
export class DossiersModule {}
