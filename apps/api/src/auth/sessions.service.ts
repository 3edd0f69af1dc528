import { Injectable } from '@nestjs/common';
import type { SessionInfo } from '@nec/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import { notFound } from '../common/errors.js';
import type { Actor } from './actor.js';
import { AuthRepository } from './auth.repository.js';
import { toSessionInfo } from './auth.dto.js';
import { PasswordConfirmation } from './password-confirmation.js';
import type { Tx } from '../database/transactions.js';

/** The browsers signed in to an account: listed and ended by their owner or an administrator. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly passwords: PasswordConfirmation,
  ) {}

  async list(userId: string, currentSessionId: string | null): Promise<SessionInfo[]> {
    const sessions = await this.repository.listUserSessions(userId, this.clock.now());
    return sessions.map((s) => toSessionInfo(s, s.id === currentSessionId));
  }

  /**
   * The owner ends one of their other browsers' sessions, or all of them, after typing their
   * password again (ASVS V7.5.2): someone who took over a session cannot throw the owner out.
   */
  async endOne(actor: Actor, sessionId: string, password: string, address: string): Promise<void> {
    await this.passwords.confirm(actor, password, address, {
      purpose: 'session-end',
      field: 'currentPassword',
    });
    if (!(await this.repository.deleteUserSession(actor.id, sessionId))) {
      throw notFound('Cette session n’existe pas ou est déjà fermée.');
    }
    await this.record(actor, actor.id, 'session.revoked', { sessions: 1 });
  }

  async endOthers(actor: Actor, password: string, address: string): Promise<number> {
    await this.passwords.confirm(actor, password, address, {
      purpose: 'sessions-end-others',
      field: 'currentPassword',
    });
    const ended = await this.repository.deleteOtherSessions(actor.id, actor.sessionId);
    await this.record(actor, actor.id, 'session.revoked', { sessions: ended });
    return ended;
  }

  /** An administrator ends every session of an account (deactivation, suspected takeover). */
  async endAll(actor: Actor, userId: string): Promise<number> {
    const ended = await this.repository.deleteUserSessions(userId);
    await this.record(actor, userId, 'session.revoked-by-admin', { sessions: ended });
    return ended;
  }

  /** Within the caller's transaction (deactivation): the audit row is the caller's. */
  async endAllWithin(userId: string, tx: Tx): Promise<number> {
    return this.repository.in(tx).deleteUserSessions(userId);
  }

  private async record(
    actor: Actor,
    userId: string,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record({
      actorId: actor.id,
      actorRole: actor.role,
      action,
      subjectType: 'user',
      subjectId: userId,
      details,
    });
  }
}
