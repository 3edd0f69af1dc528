import { Injectable, Logger } from '@nestjs/common';
import {
  slicePage,
  type JoinRequestDto,
  type MyJoinRequestDto,
  type Page,
  type PageQuery,
} from '@nec/contracts';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import { UniqueViolation } from '../common/unique-violation.js';
import { Transactions, type Tx } from '../database/transactions.js';
import { type Mail, MailService } from '../mail/mail.service.js';
import type { OrganisationEntity } from '../organisations/organisation.entity.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { QuotasService } from '../quotas/quotas.service.js';
import type { JoinRequestEntity } from './join-request.entity.js';
import { toJoinRequestDto, toMyJoinRequestDto } from './memberships.dto.js';
import {
  alreadyMember,
  joinRequestNotFound,
  joinRequestPending,
  organisationNotRegistered,
} from './memberships.errors.js';
import { joinDecisionMail, joinRequestMail } from './memberships.mails.js';
import { MembershipsRepository } from './memberships.repository.js';

/** What a join request's route receives once the contract parsed it (SIRET normalised). */
type ParsedJoinRequest = { siret: string; message?: string | undefined };

/**
 * Requests to join: an applicant asks to act for an organisation someone already registered
 * (by its SIRET); its owners are told by mail and accept or decline. Until then the requester
 * sees nothing of the organisation but its name, which the SIRET already gives publicly.
 */
@Injectable()
export class JoinRequestsService {
  private readonly logger = new Logger('JoinRequests');

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

  async request(actor: Actor, input: ParsedJoinRequest): Promise<MyJoinRequestDto> {
    const found = await this.organisationsRepository.findBySiret(input.siret);
    if (!found) throw organisationNotRegistered();
    await this.quotas.assertCanRequestToJoin(actor);
    let created: { request: JoinRequestEntity; organisation: OrganisationEntity };
    try {
      created = await this.transactions.run(
        { requests: this.repository, organisations: this.organisationsRepository },
        async ({ requests, organisations }, tx) => {
          const organisation = await organisations.lock(found.id);
          if (!organisation) throw organisationNotRegistered();
          if (await organisations.findMembership(actor.id, organisation.id)) throw alreadyMember();
          if (await requests.findPendingJoinRequest(organisation.id, actor.id))
            throw joinRequestPending();
          const request = await requests.createJoinRequest({
            organisationId: organisation.id,
            requesterId: actor.id,
            message: input.message || null,
            createdAt: this.clock.now(),
          });
          await this.record(actor, 'organisation.join-requested', request, tx);
          return { request, organisation };
        },
      );
    } catch (e) {
      // The same request sent twice at once: the partial unique index decides.
      if (e instanceof UniqueViolation) throw joinRequestPending();
      throw e;
    }
    const { request, organisation } = created;
    const owners = await this.repository.ownersOf(organisation.id);
    for (const owner of owners) {
      await this.send(
        joinRequestMail({
          to: owner.email,
          organisationName: organisation.name,
          requesterName: actor.displayName,
          link: this.mail.portalLink('/mes-structures'),
        }),
      );
    }
    return toMyJoinRequestDto({ ...request, organisation });
  }

  async mine(actor: Actor, query: PageQuery): Promise<Page<MyJoinRequestDto>> {
    const requests = await this.repository.joinRequestsBy(actor.id);
    // A few requests per person (a quota bounds the pending ones): paged in memory.
    return slicePage(requests.map(toMyJoinRequestDto), query);
  }

  async cancel(actor: Actor, requestId: string): Promise<void> {
    await this.transactions.run({ requests: this.repository }, async ({ requests }, tx) => {
      const request = await this.lockedPending(requestId, tx);
      if (!request || request.requesterId !== actor.id) throw joinRequestNotFound();
      await requests.settleJoinRequest(request.id, 'cancelled', null, this.clock.now());
      await this.record(actor, 'organisation.join-request-cancelled', request, tx);
    });
  }

  async list(
    actor: Actor,
    organisationId: string,
    query: PageQuery,
  ): Promise<Page<JoinRequestDto>> {
    await this.organisations.assertRole(actor, organisationId, 'owner');
    const requests = await this.repository.pendingJoinRequestsOf(organisationId);
    return slicePage(requests.map(toJoinRequestDto), query);
  }

  /**
   * An owner answers a request. Accepted, the requester becomes a member (unless they already
   * are, having been invited meanwhile); either way they are told by mail.
   */
  async decide(
    actor: Actor,
    organisationId: string,
    requestId: string,
    accepted: boolean,
  ): Promise<void> {
    const decided = await this.transactions.run(
      { requests: this.repository },
      async ({ requests }, tx) => {
        const organisation = await this.organisations.lockAsMember(
          actor,
          organisationId,
          tx,
          'owner',
        );
        const request = await requests.findPendingJoinRequestById(requestId);
        if (!request || request.organisationId !== organisationId) throw joinRequestNotFound();
        const status = accepted ? 'accepted' : 'declined';
        await requests.settleJoinRequest(request.id, status, actor.id, this.clock.now());
        await this.record(actor, `organisation.join-request-${status}`, request, tx);
        if (accepted) await this.addMember(actor, request, tx);
        return { organisation, requester: request.requester };
      },
    );
    await this.send(
      joinDecisionMail({
        to: decided.requester.email,
        organisationName: decided.organisation.name,
        accepted,
        link: this.mail.portalLink('/mes-structures'),
      }),
    );
  }

  private async addMember(actor: Actor, request: JoinRequestEntity, tx: Tx): Promise<void> {
    const { organisationId, requesterId } = request;
    const organisations = this.organisationsRepository.in(tx);
    if (await organisations.findMembership(requesterId, organisationId)) return;
    await organisations.addMembership(requesterId, organisationId, 'member');
    await this.audit.record(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'organisation.member-added',
        subjectType: 'organisation',
        subjectId: organisationId,
        details: { userId: requesterId, role: 'member', joinRequestId: request.id },
      },
      tx,
    );
  }

  /** A pending request, its organisation locked (its owner may be answering it this moment). */
  private async lockedPending(requestId: string, tx: Tx) {
    const requests = this.repository.in(tx);
    const first = await requests.findPendingJoinRequestById(requestId);
    if (!first) return null;
    await this.organisationsRepository.in(tx).lock(first.organisationId);
    return requests.findPendingJoinRequestById(requestId);
  }

  /** A request's step in the audit trail, under its organisation (never a name or a message). */
  private record(
    actor: Actor,
    action: string,
    request: Pick<JoinRequestEntity, 'id' | 'organisationId'>,
    tx: Tx,
  ): Promise<void> {
    return this.audit.record(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action,
        subjectType: 'organisation',
        subjectId: request.organisationId,
        details: { joinRequestId: request.id },
      },
      tx,
    );
  }

  /** The request or the decision stands even if its mail could not be sent. */
  private async send(mail: Mail): Promise<void> {
    await this.mail.send(mail).catch((e: unknown) => {
      this.logger.warn(`Avis non envoyé : ${e instanceof Error ? e.message : String(e)}`);
    });
  }
}
