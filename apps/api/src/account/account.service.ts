import { HttpStatus, Injectable } from '@nestjs/common';
import { isUnderInstruction } from '@nec/domain';
import type { Actor } from '../auth/actor.js';
import { PasswordConfirmation } from '../auth/password-confirmation.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import { ApiError, conflict, unauthenticated } from '../common/errors.js';
import { UsersRepository } from '../users/users.repository.js';
import { toMyJoinRequestDto } from '../memberships/memberships.dto.js';
import { MembershipsRepository } from '../memberships/memberships.repository.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { AccountRepository } from './account.repository.js';
import type { AccountExport, DeleteAccountInput } from '@nec/contracts';
import {
  toAuditEntry,
  toDossier,
  toEmailLink,
  toMembership,
  toProfile,
  toReceivedInvitation,
  toSession,
} from './account.dto.js';
import { Transactions } from '../database/transactions.js';

/**
 * The RGPD rights of an account holder: a copy of everything held about them (right of access
 * and portability) and the deletion of their account (right to erasure), within the limits the
 * domain sets (not while ANCT is instructing one of their dossiers).
 */
@Injectable()
export class AccountService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: AccountRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly users: UsersRepository,
    private readonly auditLog: AuditRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly passwords: PasswordConfirmation,
  ) {}

  async export(actor: Actor): Promise<AccountExport> {
    const user = await this.users.findById(actor.id);
    if (!user) throw unauthenticated();
    const [sessions, tokens, memberships, joinRequests, invitations, dossiers, auditEntries] =
      await Promise.all([
        this.repository.sessionsOf(actor.id),
        this.repository.oneTimeTokensOf(actor.id),
        this.organisations.membershipsOf(actor.id),
        this.memberships.joinRequestsBy(actor.id, true),
        this.memberships.invitationsTo(user.emailNormalized),
        this.repository.dossiersCreatedBy(actor.id),
        this.auditLog.listByActor(actor.id),
      ]);
    const dossierIds = dossiers.map((d) => d.id);
    const [versions, transitions, charterAcceptances] = await Promise.all([
      this.repository.versionsOf(dossierIds),
      this.repository.transitionsOf(dossierIds),
      this.repository.charterAcceptancesOf(dossierIds),
    ]);
    await this.audit.record({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'account.exported',
      subjectType: 'user',
      subjectId: actor.id,
    });
    const records = { versions, transitions, charterAcceptances };
    return {
      exportedAt: this.clock.now().toISOString(),
      profile: toProfile(user),
      sessions: sessions.map((s) => toSession(s, actor.sessionId)),
      emailLinks: tokens.map(toEmailLink),
      memberships: memberships.map(toMembership),
      joinRequests: joinRequests.map(toMyJoinRequestDto),
      invitations: invitations.map(toReceivedInvitation),
      dossiers: dossiers.map((d) => toDossier(d, records, actor.id)),
      auditEntries: auditEntries.map(toAuditEntry),
    };
  }

  /**
   * Deletes the applicant's account once the password confirms it. Sessions, links and
   * memberships go with it; dossiers stay with their organisation (`created_by` becomes null);
   * organisations left with no member and no dossier are removed; one left without an owner
   * gets its longest-standing member as owner.
   */
  async delete(actor: Actor, input: DeleteAccountInput, address: string): Promise<void> {
    // Failures count like failed sign-ins: the password cannot be guessed here either.
    await this.passwords.confirm(actor, input.password, address, {
      purpose: 'account-deletion',
      field: 'password',
      refusal: () =>
        new ApiError(
          HttpStatus.FORBIDDEN,
          'invalid-password',
          'Mot de passe incorrect : votre compte n’a pas été supprimé.',
        ),
    });
    const repositories = {
      account: this.repository,
      organisations: this.organisations,
      users: this.users,
    };
    await this.transactions.run(repositories, async ({ account, organisations, users }, tx) => {
      const organisationIds = await organisations.organisationIdsOf(actor.id);
      const states = await account.lockDossierStates(actor.id, organisationIds);
      if (states.some(isUnderInstruction)) {
        throw conflict(
          'dossier-under-instruction',
          'Votre compte ne peut pas être supprimé pendant l’instruction d’un dossier de vos structures : l’équipe doit pouvoir vous joindre. Vous pourrez le supprimer une fois la décision rendue, ou après avoir retiré le dossier.',
        );
      }
      await users.delete(actor.id);
      const removedOrganisations = await organisations.deleteEmptyOrganisations(organisationIds);
      const promoted = await account.promoteOldestMemberWhereNoOwner(organisationIds);
      for (const p of promoted) {
        await this.audit.record(
          {
            actorId: actor.id,
            actorRole: actor.role,
            action: 'organisation.owner-promoted',
            subjectType: 'organisation',
            subjectId: p.organisationId,
            details: { userId: p.userId, reason: 'owner-account-deleted' },
          },
          tx,
        );
      }
      // The id is kept so the log stays coherent; the e-mail and name are not copied here.
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'account.deleted',
          subjectType: 'user',
          subjectId: actor.id,
          details: { removedOrganisationIds: removedOrganisations },
        },
        tx,
      );
    });
  }
}
