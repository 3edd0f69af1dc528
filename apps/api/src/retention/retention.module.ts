import { Module } from '@nestjs/common';
import { CredentialsPurgeService } from './credentials-purge.service.js';
import { RetentionRepository } from './retention.repository.js';

/** The daily purges of what is kept for a limited time (docs/data.md). */
@Module({
  providers: [RetentionRepository, CredentialsPurgeService],
  exports: [CredentialsPurgeService],
})
export class RetentionModule {}
