import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not } from 'typeorm';
import { uniqueWrite } from '../common/unique-violation.js';
import { BindableRepository } from '../database/transactions.js';
import { MembershipEntity } from '../organisations/membership.entity.js';
import type { OrganisationEntity } from '../organisations/organisation.entity.js';
import type { UserEntity } from '../users/user.entity.js';
import { InvitationEntity, type InvitationStatus } from './invitation.entity.js';
import { JoinRequestEntity, type JoinRequestStatus } from './join-request.entity.js';

export type NewInvitation = Pick<
  InvitationEntity,
  'organisationId' | 'email' | 'tokenHash' | 'invitedBy' | 'expiresAt' | 'createdAt'
>;
export type NewJoinRequest = Pick<
  JoinRequestEntity,
  'organisationId' | 'requesterId' | 'message' | 'createdAt'
>;

/** An invitation with its organisation and (if the account still exists) its sender. */
export type InvitationWithContext = InvitationEntity & {
  organisation: OrganisationEntity;
  inviter: UserEntity | null;
};
export type JoinRequestWithRequester = JoinRequestEntity & { requester: UserEntity };
export type JoinRequestWithOrganisation = JoinRequestEntity & { organisation: OrganisationEntity };

/** The two ways into an organisation: invitations sent by its owners, requests sent to them. */
@Injectable()
export class MembershipsRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  // ── invitations ───────────────────────────────────────────────────────────

  async createInvitation(values: NewInvitation): Promise<InvitationEntity> {
    const repo = this.tx().getRepository(InvitationEntity);
    // The partial unique index keeps one pending invitation per address and organisation.
    return uniqueWrite(() =>
      repo.save(repo.create({ ...values, status: 'pending', settledAt: null })),
    );
  }

  findPendingInvitation(organisationId: string, email: string): Promise<InvitationEntity | null> {
    return this.tx()
      .getRepository(InvitationEntity)
      .findOneBy({ organisationId, email, status: 'pending' });
  }

  findPendingInvitationById(organisationId: string, id: string): Promise<InvitationEntity | null> {
    return this.tx()
      .getRepository(InvitationEntity)
      .findOneBy({ id, organisationId, status: 'pending' });
  }

  /** The invitation a link's token stands for, whatever its status. */
  async findInvitationByToken(tokenHash: string): Promise<InvitationWithContext | null> {
    const found = await this.m()
      .getRepository(InvitationEntity)
      .findOne({ where: { tokenHash }, relations: { organisation: true, inviter: true } });
    if (!found?.organisation) return null;
    return { ...found, organisation: found.organisation, inviter: found.inviter ?? null };
  }

  async settleInvitation(
    id: string,
    status: Exclude<InvitationStatus, 'pending'>,
    at: Date,
  ): Promise<void> {
    await this.tx().getRepository(InvitationEntity).update({ id }, { status, settledAt: at });
  }

  /** Pending invitations of an organisation, newest first, with who sent them. */
  async pendingInvitationsOf(
    organisationId: string,
  ): Promise<(InvitationEntity & { inviter: UserEntity | null })[]> {
    const rows = await this.m()
      .getRepository(InvitationEntity)
      .find({
        where: { organisationId, status: 'pending' },
        relations: { inviter: true },
        order: { createdAt: 'DESC' },
      });
    return rows.map((r) => ({ ...r, inviter: r.inviter ?? null }));
  }

  /** Every invitation sent to an address (the addressee's data export). */
  async invitationsTo(
    email: string,
  ): Promise<(InvitationEntity & { organisation: OrganisationEntity })[]> {
    const rows = await this.m()
      .getRepository(InvitationEntity)
      .find({ where: { email }, relations: { organisation: true }, order: { createdAt: 'ASC' } });
    return rows.filter(
      (r): r is InvitationEntity & { organisation: OrganisationEntity } => !!r.organisation,
    );
  }

  // ── requests to join ──────────────────────────────────────────────────────

  async createJoinRequest(values: NewJoinRequest): Promise<JoinRequestEntity> {
    const repo = this.tx().getRepository(JoinRequestEntity);
    // The partial unique index keeps one pending request per person and organisation.
    return uniqueWrite(() =>
      repo.save(repo.create({ ...values, status: 'pending', decidedBy: null, settledAt: null })),
    );
  }

  findPendingJoinRequest(
    organisationId: string,
    requesterId: string,
  ): Promise<JoinRequestEntity | null> {
    return this.tx()
      .getRepository(JoinRequestEntity)
      .findOneBy({ organisationId, requesterId, status: 'pending' });
  }

  /** A pending request by id, with its requester (to tell them the outcome). */
  async findPendingJoinRequestById(id: string): Promise<JoinRequestWithRequester | null> {
    const found = await this.tx()
      .getRepository(JoinRequestEntity)
      .findOne({ where: { id, status: 'pending' }, relations: { requester: true } });
    return found?.requester ? { ...found, requester: found.requester } : null;
  }

  async settleJoinRequest(
    id: string,
    status: Exclude<JoinRequestStatus, 'pending'>,
    decidedBy: string | null,
    at: Date,
  ): Promise<void> {
    await this.tx()
      .getRepository(JoinRequestEntity)
      .update({ id }, { status, decidedBy, settledAt: at });
  }

  /** Pending requests to join an organisation, oldest first, with who asks. */
  async pendingJoinRequestsOf(organisationId: string): Promise<JoinRequestWithRequester[]> {
    const rows = await this.m()
      .getRepository(JoinRequestEntity)
      .find({
        where: { organisationId, status: 'pending' },
        relations: { requester: true },
        order: { createdAt: 'ASC' },
      });
    return rows.filter((r): r is JoinRequestWithRequester => !!r.requester);
  }

  /**
   * An account's requests, newest first, with their organisations; cancelled ones are left out
   * unless `withCancelled` (the data export shows everything).
   */
  async joinRequestsBy(
    requesterId: string,
    withCancelled = false,
  ): Promise<JoinRequestWithOrganisation[]> {
    const rows = await this.m()
      .getRepository(JoinRequestEntity)
      .find({
        where: withCancelled ? { requesterId } : { requesterId, status: Not('cancelled') },
        relations: { organisation: true },
        order: { createdAt: 'DESC' },
      });
    return rows.filter((r): r is JoinRequestWithOrganisation => !!r.organisation);
  }

  // ── members ───────────────────────────────────────────────────────────────

  /** The organisation's owners with their accounts: whom a request to join is mailed to. */
  async ownersOf(organisationId: string): Promise<UserEntity[]> {
    const rows = await this.m()
      .getRepository(MembershipEntity)
      .find({ where: { organisationId, role: 'owner' }, relations: { user: true } });
    return rows.flatMap((r) => (r.user ? [r.user] : []));
  }
}
