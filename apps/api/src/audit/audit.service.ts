import { Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock.js';
import { currentRequestContext, currentSession } from '../common/request-context.js';
import { logSecurityEvent, securityEventOfAction } from '../common/security-events.js';
import { AuditRepository, type AuditEntry } from './audit.repository.js';
import type { Tx } from '../database/transactions.js';

export type AuditRecord = Omit<AuditEntry, 'details'> & {
  details?: Record<string, unknown>;
  /** The session the entry belongs to, when it is not the request's (a sign-in opens one). */
  sessionId?: string;
};

/**
 * Appends to the audit log; pass the transaction to write in the same transaction.
 * Each entry carries the request's origin (client address, user agent, session, request id),
 * read from the request context; the entries that are security events (sign-ins, ended
 * sessions, role changes) are also written to the logs, where alerts are raised.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditRecord, tx?: Tx): Promise<void> {
    const { sessionId, details, ...rest } = entry;
    const context = currentRequestContext();
    const repository = tx ? this.repository.in(tx) : this.repository;
    await repository.append({ ...rest, details: details ?? {} }, this.clock.now(), {
      clientAddress: context?.clientAddress ?? null,
      userAgent: context?.userAgent ?? null,
      sessionId: sessionId ?? currentSession()?.sessionId ?? null,
      requestId: context?.requestId ?? null,
    });
    const event = securityEventOfAction(entry.action);
    if (event) {
      logSecurityEvent(event, {
        action: entry.action,
        actorId: entry.actorId,
        actorRole: entry.actorRole,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
        ...(sessionId ? { sessionId } : {}),
      });
    }
  }
}
