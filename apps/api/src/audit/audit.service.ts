import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock.js';
import { AuditRepository, type AuditEntry } from './audit.repository.js';

/** Appends to the audit log; pass the transaction's manager to write in the same transaction. */
@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  record(
    entry: Omit<AuditEntry, 'details'> & { details?: Record<string, unknown> },
    manager?: EntityManager,
  ): Promise<void> {
    return this.repository.append(
      { ...entry, details: entry.details ?? {} },
      this.clock.now(),
      manager,
    );
  }
}
