import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CallKind, DossierState, OrganisationCategory, Role } from '@nec/domain';
import { DataSource } from 'typeorm';
import { BindableRepository } from '../database/transactions.js';
import { CharterAcceptanceEntity } from '../dossiers/charter-acceptance.entity.js';
import { DossierTransitionEntity } from '../dossiers/dossier-transition.entity.js';
import { DossierVersionEntity } from '../dossiers/dossier-version.entity.js';
import { DossierEntity } from '../dossiers/dossier.entity.js';
import { InvitationEntity } from '../memberships/invitation.entity.js';
import { JoinRequestEntity } from '../memberships/join-request.entity.js';
import { MembershipEntity, type MembershipRole } from '../organisations/membership.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** A dossier row written as it would be after its whole history (state, content, dates). */
export interface SeedDossier {
  reference: string;
  campaignId: string;
  organisationId: string;
  callKind: CallKind;
  state: DossierState;
  content: Record<string, unknown>;
  version: number;
  title: string | null;
  eventDate: string | null;
  requestedSubsidyCents: number | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  /** Facts frozen at submission (régions, verdicts) for the instruction queue. */
  regionCodes?: string[];
  labelVerdict?: string;
  subsidyVerdict?: string | null;
}

export interface SeedTransition {
  dossierId: string;
  event: string;
  fromState: DossierState | null;
  toState: DossierState;
  actorId: string;
  actorRole: Role;
  details: Record<string, unknown>;
  at: Date;
}

/**
 * The rows of the demonstration data that no feature service writes for us: structures,
 * memberships, an invitation and a request to join, and dossiers with their history. Written directly (not through the dossiers
 * service) so that dossiers can be given a past, in states the API would take weeks to reach.
 */
@Injectable()
export class SeedRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Whether any account exists: the seed only runs on an empty database. */
  async hasUsers(): Promise<boolean> {
    return (await this.m().getRepository(UserEntity).count()) > 0;
  }

  async insertOrganisation(organisation: {
    siret: string;
    siren: string;
    name: string;
    category: OrganisationCategory;
  }): Promise<string> {
    const repo = this.tx().getRepository(OrganisationEntity);
    const saved = await repo.save(repo.create({ ...organisation, communeCode: null }));
    return saved.id;
  }

  async addMembership(userId: string, organisationId: string, role: MembershipRole): Promise<void> {
    await this.tx().getRepository(MembershipEntity).insert({ userId, organisationId, role });
  }

  async insertInvitation(
    invitation: Pick<
      InvitationEntity,
      'organisationId' | 'email' | 'tokenHash' | 'invitedBy' | 'expiresAt' | 'createdAt'
    >,
  ): Promise<void> {
    await this.tx()
      .getRepository(InvitationEntity)
      .insert({ ...invitation, status: 'pending', settledAt: null });
  }

  async insertJoinRequest(
    request: Pick<JoinRequestEntity, 'organisationId' | 'requesterId' | 'message' | 'createdAt'>,
  ): Promise<void> {
    await this.tx()
      .getRepository(JoinRequestEntity)
      .insert({ ...request, status: 'pending', decidedBy: null, settledAt: null });
  }

  /** The next reference from the sequence the dossiers feature uses: `NEC-<year>-<5 digits>`. */
  async nextReference(year: number): Promise<string> {
    const rows: { n: string | number }[] = await this.tx().query(
      `SELECT nextval('dossier_reference_seq') AS n`,
    );
    return `NEC-${year}-${String(rows[0]?.n ?? 0).padStart(5, '0')}`;
  }

  async insertDossier(dossier: SeedDossier): Promise<string> {
    const repo = this.tx().getRepository(DossierEntity);
    const saved = await repo.save(repo.create(dossier));
    return saved.id;
  }

  async insertTransition(transition: SeedTransition): Promise<void> {
    const repo = this.tx().getRepository(DossierTransitionEntity);
    await repo.save(repo.create(transition));
  }

  async insertVersion(version: Omit<DossierVersionEntity, 'id' | 'dossier'>): Promise<void> {
    const repo = this.tx().getRepository(DossierVersionEntity);
    await repo.save(repo.create(version));
  }

  async insertCharterAcceptance(
    acceptance: Omit<CharterAcceptanceEntity, 'id' | 'dossier'>,
  ): Promise<void> {
    const repo = this.tx().getRepository(CharterAcceptanceEntity);
    await repo.save(repo.create(acceptance));
  }
}
