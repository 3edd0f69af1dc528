import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { CredentialsPurgeService } from './credentials-purge.service.js';
import { OrphanDraftsPurgeService } from './orphan-drafts-purge.service.js';
import { OrphanDraftsRepository } from './orphan-drafts.repository.js';
import { RetentionRepository } from './retention.repository.js';

/** The daily purges of what is kept for a limited time (docs/data.md). */
@Module({
  // The drafts' purge deletes their stored files and the organisations they leave empty.
  imports: [AttachmentsModule, OrganisationsModule],
  providers: [
    RetentionRepository,
    CredentialsPurgeService,
    OrphanDraftsRepository,
    OrphanDraftsPurgeService,
  ],
  exports: [CredentialsPurgeService, OrphanDraftsPurgeService],
})
export class RetentionModule {}
