import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { ClosedDossierFilesPurgeService } from './closed-dossier-files-purge.service.js';
import { ClosedDossierFilesRepository } from './closed-dossier-files.repository.js';
import { CredentialsPurgeService } from './credentials-purge.service.js';
import { OrphanDraftsPurgeService } from './orphan-drafts-purge.service.js';
import { OrphanDraftsRepository } from './orphan-drafts.repository.js';
import { RetentionRepository } from './retention.repository.js';

/** The daily purges of what is kept for a limited time (docs/data.md). */
@Module({
  // The purges delete stored files; the drafts' purge, the organisations they leave empty.
  imports: [AttachmentsModule, OrganisationsModule],
  providers: [
    RetentionRepository,
    CredentialsPurgeService,
    OrphanDraftsRepository,
    OrphanDraftsPurgeService,
    ClosedDossierFilesRepository,
    ClosedDossierFilesPurgeService,
  ],
  exports: [CredentialsPurgeService, OrphanDraftsPurgeService, ClosedDossierFilesPurgeService],
})
export class RetentionModule {}
