import { Injectable } from '@nestjs/common';
import { leavesNoOwner, sirenOf, type MembershipChange } from '@nec/domain';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import { QuotasService } from '../quotas/quotas.service.js';
import { UniqueViolation } from '../common/unique-violation.js';
import { Transactions, type Tx } from '../database/transactions.js';
import type { MembershipEntity, MembershipRole } from './membership.entity.js';
import type { OrganisationEntity } from './organisation.entity.js';
import {
  slicePage,
  type CreateOrganisationInput,
  type MemberDto,
  type MyOrganisationDto,
  type OrganisationDto,
  type Page,
  type PageQuery,
} from '@nec/contracts';
import { toMemberDto, toOrganisationDto, toVerifiedOrganisationDto } from './organisations.dto.js';
import {
  lastOwner,
  memberNotFound,
  notOwner,
  organisationExists,
  organisationNotFound,
} from './organisations.errors.js';
import { OrganisationsRepository } from './organisations.repository.js';

/**
 * Organisations (personnes morales) and their members. Only members see an organisation: to
 * anyone else it answers 404, so its existence is not disclosed; a member who is not an owner
 * gets 403 on owner-only actions.
 */
@Injectable()
export class OrganisationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: OrganisationsRepository,
    private readonly audit: AuditService,
    private readonly quotas: QuotasService,
    private readonly clock: Clock,
  ) {}

  // ── used by other features for their access rules ────────────────────────

  /** Ids of the organisations the user acts for. */
  organisationIdsOf(userId: string): Promise<string[]> {
    return this.repository.organisationIdsOf(userId);
  }

  /**
   * An agent records that the accounts managing the organisation represent it (after checking,
   * e.g., with the organisation itself or its registry entry), or withdraws that mention.
   */
  async setVerification(
    actor: Actor,
    id: string,
    verified: boolean,
  ): Promise<Omit<OrganisationDto, 'role'>> {
    const organisation = await this.repository.findById(id);
    if (!organisation) throw organisationNotFound();
    const verification = verified
      ? {
          verifiedAt: organisation.verifiedAt ?? this.clock.now(),
          verifiedBy: organisation.verifiedBy ?? actor.id,
        }
      : { verifiedAt: null, verifiedBy: null };
    await this.transactions.run(
      { organisations: this.repository },
      async ({ organisations }, tx) => {
        await organisations.setVerification(id, verification);
        await this.audit.record(
          {
            actorId: actor.id,
            actorRole: actor.role,
            action: verified ? 'organisation.verify' : 'organisation.unverify',
            subjectType: 'organisation',
            subjectId: id,
          },
          tx,
        );
      },
    );
    return toVerifiedOrganisationDto({ ...organisation, ...verification });
  }

  /** Whether the user acts for the organisation (any role). */
  async isMember(userId: string, organisationId: string): Promise<boolean> {
    return (await this.repository.findMembership(userId, organisationId)) !== null;
  }

  // ── endpoints ─────────────────────────────────────────────────────────────

  /** Registers an organisation by SIRET and makes the caller its owner. */
  async create(actor: Actor, input: CreateOrganisationInput): Promise<OrganisationDto> {
    if (await this.repository.findBySiret(input.siret)) throw organisationExists();
    await this.quotas.assertCanCreateOrganisation(actor);
    try {
      const organisation = await this.transactions.run(
        { organisations: this.repository },
        async ({ organisations }, tx) => {
          const created = await organisations.create({
            siret: input.siret,
            siren: sirenOf(input.siret),
            name: input.name,
            category: input.category,
            communeCode: input.communeCode ?? null,
          });
          await organisations.addMembership(actor.id, created.id, 'owner');
          await this.audit.record(
            {
              actorId: actor.id,
              actorRole: actor.role,
              action: 'organisation.created',
              subjectType: 'organisation',
              subjectId: created.id,
              details: { siret: created.siret, category: created.category },
            },
            tx,
          );
          return created;
        },
      );
      return toOrganisationDto(organisation, 'owner');
    } catch (e) {
      // Two registrations of the same SIRET at once: the unique index decides.
      if (e instanceof UniqueViolation) throw organisationExists();
      throw e;
    }
  }

  /** The caller's organisations, with their role and the members of each. */
  async mine(actor: Actor, query: PageQuery): Promise<Page<MyOrganisationDto>> {
    const memberships = await this.repository.membershipsOf(actor.id);
    const members = await this.repository.membersOf(memberships.map((m) => m.organisationId));
    // An applicant acts for a few organisations: paged in memory.
    return slicePage(
      memberships.map((m) => ({
        ...toOrganisationDto(m.organisation, m.role),
        members: members.filter((x) => x.organisationId === m.organisationId).map(toMemberDto),
      })),
      query,
    );
  }

  /**
   * Removes a member. Owners remove anyone; a member may also leave on their own. The last owner
   * cannot leave (409): the organisation would be left without anyone to manage it.
   */
  async removeMember(actor: Actor, organisationId: string, userId: string): Promise<void> {
    await this.transactions.run(
      { organisations: this.repository },
      async ({ organisations }, tx) => {
        const atLeast = userId === actor.id ? 'member' : 'owner';
        await this.lockAsMember(actor, organisationId, tx, atLeast);
        const target = await organisations.findMembership(userId, organisationId);
        if (!target) throw memberNotFound();
        await assertAnOwnerStays(organisations, organisationId, { from: target.role, to: null });
        await organisations.removeMembership(userId, organisationId);
        await this.recordMembership(actor, organisationId, 'organisation.member-removed', tx, {
          userId,
          role: target.role,
        });
      },
    );
  }

  /**
   * An owner makes a member owner, or takes the role back (their own too, if another owner
   * stays). Asking for the role someone already has changes nothing and records nothing.
   */
  async setMemberRole(
    actor: Actor,
    organisationId: string,
    userId: string,
    role: MembershipRole,
  ): Promise<MemberDto> {
    return this.transactions.run(
      { organisations: this.repository },
      async ({ organisations }, tx) => {
        // Under the organisation's lock: two owners stepping down at once are decided in turn.
        await this.lockAsMember(actor, organisationId, tx, 'owner');
        const target = await organisations.findMemberWithUser(userId, organisationId);
        if (!target) throw memberNotFound();
        if (target.role === role) return toMemberDto(target);
        await assertAnOwnerStays(organisations, organisationId, { from: target.role, to: role });
        await organisations.setRole(userId, organisationId, role);
        await this.recordMembership(
          actor,
          organisationId,
          role === 'owner' ? 'organisation.owner-promoted' : 'organisation.owner-demoted',
          tx,
          { userId, from: target.role, to: role },
        );
        return toMemberDto({ ...target, role });
      },
    );
  }

  /** A change of membership in the audit trail (role changes are security events too). */
  private recordMembership(
    actor: Actor,
    organisationId: string,
    action: string,
    tx: Tx,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action,
        subjectType: 'organisation',
        subjectId: organisationId,
        details,
      },
      tx,
    );
  }

  /**
   * The organisation, locked for the transaction (membership changes of one organisation happen
   * one after the other), if the actor is a member with at least the given role: else 404 to
   * outsiders (the organisation is not disclosed) and 403 to members who are not owners.
   */
  async lockAsMember(
    actor: Actor,
    organisationId: string,
    tx: Tx,
    atLeast: MembershipRole,
  ): Promise<OrganisationEntity> {
    const organisations = this.repository.in(tx);
    const organisation = await organisations.lock(organisationId);
    const own = organisation ? await organisations.findMembership(actor.id, organisationId) : null;
    return withRole(organisation, own, atLeast);
  }

  /** The same check for a read, without a lock. */
  async assertRole(
    actor: Actor,
    organisationId: string,
    atLeast: MembershipRole,
  ): Promise<OrganisationEntity> {
    const organisation = await this.repository.findById(organisationId);
    const own = organisation
      ? await this.repository.findMembership(actor.id, organisationId)
      : null;
    return withRole(organisation, own, atLeast);
  }
}

/**
 * 409 if the change would leave the organisation without an owner (`organisations` is bound to
 * the transaction that holds the organisation's lock).
 */
async function assertAnOwnerStays(
  organisations: OrganisationsRepository,
  organisationId: string,
  change: MembershipChange,
): Promise<void> {
  if (change.from !== 'owner') return;
  const owners = await organisations.countOwners(organisationId);
  if (leavesNoOwner(owners, change)) throw lastOwner(change);
}

/** 404 to outsiders (the organisation is not disclosed), 403 to members below `atLeast`. */
function withRole(
  organisation: OrganisationEntity | null,
  own: MembershipEntity | null,
  atLeast: MembershipRole,
): OrganisationEntity {
  if (!organisation || !own) throw organisationNotFound();
  if (atLeast === 'owner' && own.role !== 'owner') throw notOwner();
  return organisation;
}
