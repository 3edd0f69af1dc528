import { Global, Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { AuditController } from './audit.controller.js';
import { AuditReadingService } from './audit-reading.service.js';
import { AuditRetentionService } from './audit-retention.service.js';
import { AuditChainService } from './audit-chain.service.js';

@Global()
@Module({
  controllers: [AuditController],
  providers: [
    AuditRepository,
    AuditService,
    AuditReadingService,
    AuditRetentionService,
    AuditChainService,
  ],
  exports: [AuditService, AuditRepository, AuditRetentionService, AuditChainService],
})
export class AuditModule {}
