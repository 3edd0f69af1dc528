import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { UploadErrorFilter } from './attachment-errors.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { AttachmentsService } from './attachments.service.js';
import {
  ATTACHMENT_SCANNER,
  ATTACHMENT_SCANNER_OVERRIDE,
  type AttachmentScanner,
} from './scanning/attachment-scanner.js';
import { scannerFromConfig } from './scanning/scanner-from-config.js';
import { ATTACHMENT_STORAGE } from './storage/attachment-storage.js';
import { storageFromConfig } from './storage/storage-from-config.js';

@Module({
  imports: [
    DossiersModule,
    // Memory storage (Multer's default), stopped at the configured size; one file per request.
    MulterModule.registerAsync({
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.NEC_UPLOAD_MAX_BYTES, files: 1, fields: 5, parts: 6 },
        defParamCharset: 'utf8',
      }),
      inject: [APP_CONFIG],
    }),
  ],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsRepository,
    AttachmentsService,
    UploadErrorFilter,
    { provide: ATTACHMENT_STORAGE, useFactory: storageFromConfig, inject: [APP_CONFIG] },
    {
      provide: ATTACHMENT_SCANNER,
      useFactory: (override: AttachmentScanner | null, config: AppConfig) =>
        override ?? scannerFromConfig(config),
      inject: [ATTACHMENT_SCANNER_OVERRIDE, APP_CONFIG],
    },
  ],
  // The storage is shared with the retention purge, which deletes the files of the drafts it removes.
  exports: [AttachmentsService, ATTACHMENT_STORAGE],
})
export class AttachmentsModule {}
