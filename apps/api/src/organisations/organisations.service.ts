import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { sirenOf } from '@nec/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import { QuotasService } from '../quotas/quotas.service.js';
import { ApiError, conflict } from '../common/errors.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import type { MembershipEntity, MembershipRole } from './membership.entity.js';
import type { OrganisationEntity } from './organisation.entity.js';
import {
  slicePage,
  type CreateOrganisationInput,
  type MyOrganisationDto,
  type OrganisationDto,
  type Page,
  type PageQuery,
} from '@nec/contracts';
import { toMemberDto, toOrganisationDto, toVerifiedOrganisationDto } from './organisations.dto.js';
import { OrganisationsRepository } from './organisations.repository.js';

export const organisationNotFound = () =>
  new ApiError(HttpStatus.NOT_FOUND, 'organisation-not-found', 'Cette structure est introuvable.');

/**
 * Organisations (personnes morales) and their members. Only members see an organisation: to
 * anyone else it answers 404, so its existence is not disclosed; a member who is not an owner
 * gets 403 on owner-only actions.
 */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    await this.dataSource.transaction(async (manager) => {
      await this.repository.setVerification(id, verification, manager);
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: verified ? 'organisation.verify' : 'organisation.unverify',
          subjectType: 'organisation',
          subjectId: id,
        },
        manager,
      );
    });
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
      const organisation = await this.dataSource.transaction(async (manager) => {
        const created = await this.repository.create(
          {
            siret: input.siret,
            siren: sirenOf(input.siret),
            name: input.name,
            category: input.category,
            communeCode: input.communeCode ?? null,
          },
          manager,
        );
        await this.repository.addMembership(actor.id, created.id, 'owner', manager);
        await this.audit.record(
          {
            actorId: actor.id,
            actorRole: actor.role,
            action: 'organisation.created',
            subjectType: 'organisation',
            subjectId: created.id,
            details: { siret: created.siret, category: created.category },
          },
          manager,
        );
        return created;
      });
      return toOrganisationDto(organisation, 'owner');
    } catch (e) {
      // Two registrations of the same SIRET at once: the unique index decides.
      if (isUniqueViolation(e)) throw organisationExists();
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
   * cannot be removed (409): the organisation would be left without anyone to manage it.
   */
  async removeMember(actor: Actor, organisationId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockAsMember(
        actor,
        organisationId,
        manager,
        userId === actor.id ? 'member' : 'owner',
      );
      const target = await this.repository.findMembership(userId, organisationId, manager);
      if (!target) {
        throw new ApiError(
          HttpStatus.NOT_FOUND,
          'member-not-found',
          'Cette personne n’est pas membre de la structure.',
        );
      }
      if (
        target.role === 'owner' &&
        (await this.repository.countOwners(organisationId, manager)) <= 1
      ) {
        throw conflict(
          'last-owner',
          'Une structure garde toujours au moins un·e responsable : la dernière personne responsable ne peut pas être retirée.',
        );
      }
      await this.repository.removeMembership(userId, organisationId, manager);
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'organisation.member-removed',
          subjectType: 'organisation',
          subjectId: organisationId,
          details: { userId, role: target.role },
        },
        manager,
      );
    });
  }

  /**
   * The organisation, locked for the transaction (membership changes of one organisation happen
   * one after the other), if the actor is a member with at least the given role: else 404 to
   * outsiders (the organisation is not disclosed) and 403 to members who are not owners.
   */
  async lockAsMember(
    actor: Actor,
    organisationId: string,
    manager: EntityManager,
    atLeast: MembershipRole,
  ): Promise<OrganisationEntity> {
    const organisation = await this.repository.lock(organisationId, manager);
    const own = organisation
      ? await this.repository.findMembership(actor.id, organisationId, manager)
      : null;
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

function organisationExists(): ApiError {
  return conflict(
    'organisation-exists',
    'Cette structure est déjà inscrite sur la plateforme. Pour agir en son nom, demandez à la rejoindre : ses responsables recevront votre demande et pourront l’accepter.',
  );
}

function notOwner(): ApiError {
  return new ApiError(
    HttpStatus.FORBIDDEN,
    'not-owner',
    'Seul·e un·e responsable de la structure peut gérer ses membres.',
  );
}
