import { Injectable, Logger } from '@nestjs/common';
import { normaliseEmail } from '@nec/domain';
import {
  INVITATION_VALIDITY_DAYS,
  slicePage,
  type InvitationDto,
  type InvitationPreviewDto,
  type OrganisationDto,
  type Page,
  type PageQuery,
  type ReceivedInvitationDto,
} from '@nec/contracts';
import type { Actor } from '../auth/actor.js';
import { randomToken, sha256 } from '../auth/tokens.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import { UniqueViolation } from '../common/unique-violation.js';
import { Transactions, type Tx } from '../database/transactions.js';
import { MailService } from '../mail/mail.service.js';
import type { OrganisationEntity } from '../organisations/organisation.entity.js';
import { toOrganisationDto } from '../organisations/organisations.dto.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { QuotasService } from '../quotas/quotas.service.js';
import type { InvitationEntity } from './invitation.entity.js';
import { toInvitationDto, toReceivedInvitationDto } from './memberships.dto.js';
import {
  invitationAnswered,
  invitationExpired,
  invitationForAnotherAccount,
  invitationNotFound,
  invitationPending,
  invitationRevoked,
} from './memberships.errors.js';
import { invitationMail } from './memberships.mails.js';
import { MembershipsRepository, type InvitationWithContext } from './memberships.repository.js';

const DAY_MS = 24 * 3600_000;
/** Our link tokens are 43 base64url characters: anything far from that is not one. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

/**
 * Invitations: an owner invites an e-mail address; whoever holds the account of that address
 * accepts or declines through the mailed link. Inviting never looks the address up, so neither
 * the answer nor its timing tells the owner whether an account exists or is already a member.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger('Invitations');

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: MembershipsRepository,
    private readonly organisations: OrganisationsService,
    private readonly organisationsRepository: OrganisationsRepository,
    private readonly audit: AuditService,
    private readonly quotas: QuotasService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  async invite(actor: Actor, organisationId: string, email: string): Promise<InvitationDto> {
    const token = randomToken();
    const now = this.clock.now();
    const { invitation, organisation } = await this.createPending(actor, organisationId, {
      email,
      tokenHash: sha256(token),
      now,
    });
    await this.mail
      .send(
        invitationMail({
          to: email,
          organisationName: organisation.name,
          inviterName: actor.displayName,
          link: this.mail.portalLink(`/invitation?jeton=${token}`),
          expiresAt: invitation.expiresAt,
        }),
      )
      .catch((e: unknown) => {
        // The invitation stands; its owners see it pending and may withdraw and send it again.
        this.logger.warn(`Invitation non envoyée : ${e instanceof Error ? e.message : String(e)}`);
      });
    return toInvitationDto({ ...invitation, inviter: actor }, now);
  }

  /** The invitation row, written under the organisation's lock by one of its owners. */
  private async createPending(
    actor: Actor,
    organisationId: string,
    what: { email: string; tokenHash: string; now: Date },
  ): Promise<{ invitation: InvitationEntity; organisation: OrganisationEntity }> {
    const { email, tokenHash, now } = what;
    try {
      return await this.transactions.run(
        { invitations: this.repository },
        async ({ invitations }, tx) => {
          const organisation = await this.organisations.lockAsMember(
            actor,
            organisationId,
            tx,
            'owner',
          );
          await this.replaceLapsed(organisationId, email, now, tx);
          await this.quotas.assertCanInvite(actor, organisationId, tx);
          const invitation = await invitations.createInvitation({
            organisationId,
            email,
            tokenHash,
            invitedBy: actor.id,
            expiresAt: new Date(now.getTime() + INVITATION_VALIDITY_DAYS * DAY_MS),
            createdAt: now,
          });
          await this.record(actor, 'organisation.invitation-sent', invitation, tx);
          return { invitation, organisation };
        },
      );
    } catch (e) {
      // The same address invited twice at once: the partial unique index decides.
      if (e instanceof UniqueViolation) throw invitationPending();
      throw e;
    }
  }

  /** A pending invitation of the address blocks a new one, unless its link has lapsed. */
  private async replaceLapsed(
    organisationId: string,
    email: string,
    now: Date,
    tx: Tx,
  ): Promise<void> {
    const invitations = this.repository.in(tx);
    const pending = await invitations.findPendingInvitation(organisationId, email);
    if (!pending) return;
    if (pending.expiresAt > now) throw invitationPending();
    await invitations.settleInvitation(pending.id, 'expired', now);
  }

  async list(actor: Actor, organisationId: string, query: PageQuery): Promise<Page<InvitationDto>> {
    await this.organisations.assertRole(actor, organisationId, 'owner');
    const now = this.clock.now();
    const invitations = await this.repository.pendingInvitationsOf(organisationId);
    // An organisation has a few invitations waiting at most (a quota bounds them): paged in memory.
    return slicePage(
      invitations.map((i) => toInvitationDto(i, now)),
      query,
    );
  }

  async revoke(actor: Actor, organisationId: string, invitationId: string): Promise<void> {
    await this.transactions.run({ invitations: this.repository }, async ({ invitations }, tx) => {
      await this.organisations.lockAsMember(actor, organisationId, tx, 'owner');
      const invitation = await invitations.findPendingInvitationById(organisationId, invitationId);
      if (!invitation) throw invitationNotFound();
      await invitations.settleInvitation(invitation.id, 'revoked', this.clock.now());
      await this.record(actor, 'organisation.invitation-revoked', invitation, tx);
    });
  }

  /**
   * What the link shows before signing in, to whoever holds it: the organisation, its state, and
   * while it is open the address it was sent to — what the e-mail itself says, no more. The
   * token is 256 random bits, so holding it means having read that e-mail (or been given it).
   */
  async preview(token: string): Promise<InvitationPreviewDto> {
    if (!TOKEN_SHAPE.test(token)) throw invitationNotFound();
    const invitation = await this.repository.findInvitationByToken(sha256(token));
    if (!invitation) throw invitationNotFound();
    const status = this.stateOf(invitation);
    return {
      organisation: invitation.organisation.name,
      status,
      email: status === 'pending' ? invitation.email : null,
    };
  }

  /** An invitation's state as its addressee sees it: a lapsed pending one has expired. */
  private stateOf(invitation: InvitationEntity): InvitationPreviewDto['status'] {
    switch (invitation.status) {
      case 'accepted':
      case 'declined':
        return 'answered';
      case 'revoked':
      case 'expired':
        return invitation.status;
      case 'pending':
        return invitation.expiresAt <= this.clock.now() ? 'expired' : 'pending';
    }
  }

  /** The invitation behind a link, shown to the account of the invited address only. */
  async show(actor: Actor, token: string): Promise<ReceivedInvitationDto> {
    const invitation = await this.pendingForActor(actor, token);
    return toReceivedInvitationDto(invitation);
  }

  /**
   * Makes the invitee a member. Someone already a member (who joined another way meanwhile)
   * keeps their role; the invitation is answered all the same.
   */
  async accept(actor: Actor, token: string): Promise<OrganisationDto> {
    return this.transactions.run(
      { invitations: this.repository, organisations: this.organisationsRepository },
      async ({ invitations, organisations }, tx) => {
        const { invitation, organisation } = await this.lockedPending(actor, token, tx);
        await invitations.settleInvitation(invitation.id, 'accepted', this.clock.now());
        await this.record(actor, 'organisation.invitation-accepted', invitation, tx);
        const existing = await organisations.findMembership(actor.id, organisation.id);
        if (existing) return toOrganisationDto(organisation, existing.role);
        await organisations.addMembership(actor.id, organisation.id, 'member');
        await this.audit.record(
          {
            actorId: actor.id,
            actorRole: actor.role,
            action: 'organisation.member-added',
            subjectType: 'organisation',
            subjectId: organisation.id,
            details: { userId: actor.id, role: 'member', invitationId: invitation.id },
          },
          tx,
        );
        return toOrganisationDto(organisation, 'member');
      },
    );
  }

  async decline(actor: Actor, token: string): Promise<void> {
    await this.transactions.run({ invitations: this.repository }, async ({ invitations }, tx) => {
      const { invitation } = await this.lockedPending(actor, token, tx);
      await invitations.settleInvitation(invitation.id, 'declined', this.clock.now());
      await this.record(actor, 'organisation.invitation-declined', invitation, tx);
    });
  }

  /**
   * The open invitation of a link with its organisation locked: read again once the lock is
   * held, since a revocation or another answer may have come in between.
   */
  private async lockedPending(
    actor: Actor,
    token: string,
    tx: Tx,
  ): Promise<{ invitation: InvitationWithContext; organisation: OrganisationEntity }> {
    const first = await this.pendingForActor(actor, token, tx);
    const organisation = await this.organisationsRepository.in(tx).lock(first.organisationId);
    if (!organisation) throw invitationNotFound();
    return { invitation: await this.pendingForActor(actor, token, tx), organisation };
  }

  /**
   * The invitation of a link, if it is addressed to the caller and still open. The address is
   * checked before anything else, so another account learns nothing from the link — not even
   * whether it still works. (Applicants sign in only once their address is confirmed.)
   */
  private async pendingForActor(
    actor: Actor,
    token: string,
    tx?: Tx,
  ): Promise<InvitationWithContext> {
    if (!TOKEN_SHAPE.test(token)) throw invitationNotFound();
    const invitations = tx ? this.repository.in(tx) : this.repository;
    const invitation = await invitations.findInvitationByToken(sha256(token));
    if (!invitation) throw invitationNotFound();
    if (invitation.email !== normaliseEmail(actor.email)) throw invitationForAnotherAccount();
    switch (this.stateOf(invitation)) {
      case 'answered':
        throw invitationAnswered();
      case 'revoked':
        throw invitationRevoked();
      case 'expired':
        throw invitationExpired();
      case 'pending':
        return invitation;
    }
  }

  /** An invitation's step in the audit trail, under its organisation (never the address). */
  private record(
    actor: Actor,
    action: string,
    invitation: Pick<InvitationEntity, 'id' | 'organisationId'>,
    tx: Tx,
  ): Promise<void> {
    return this.audit.record(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action,
        subjectType: 'organisation',
        subjectId: invitation.organisationId,
        details: { invitationId: invitation.id },
      },
      tx,
    );
  }
}
