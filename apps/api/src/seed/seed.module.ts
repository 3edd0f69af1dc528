import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { InstructionModule } from '../instruction/instruction.module.js';
import { UsersModule } from '../users/users.module.js';
import { SeedRepository } from './seed.repository.js';
import { SeedService } from './seed.service.js';

/** The demonstration data (`pnpm --filter @nec/api seed`, and `seedDemo(app)` in tests). No routes. */
@Module({
  imports: [UsersModule, AuthModule, CampaignsModule, InstructionModule],
  providers: [SeedRepository, SeedService],
  exports: [SeedService],
})
export class SeedModule {}
