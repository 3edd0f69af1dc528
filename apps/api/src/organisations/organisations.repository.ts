import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { uniqueWrite } from '../common/unique-violation.js';
import { BindableRepository } from '../database/transactions.js';
import type { UserEntity } from '../users/user.entity.js';
import { MembershipEntity, type MembershipRole } from './membership.entity.js';
import { OrganisationEntity } from './organisation.entity.js';

export type NewOrganisation = Pick<
  OrganisationEntity,
  'siret' | 'siren' | 'name' | 'category' | 'communeCode'
>;

/** A membership with its organisation loaded. */
export type MembershipWithOrganisation = MembershipEntity & { organisation: OrganisationEntity };

/** A membership with its user loaded. */
export type MembershipWithUser = MembershipEntity & { user: UserEntity };

/** Organisations and who acts for them. */
@Injectable()
export class OrganisationsRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  findBySiret(siret: string): Promise<OrganisationEntity | null> {
    return this.m().getRepository(OrganisationEntity).findOneBy({ siret });
  }

  findById(id: string): Promise<OrganisationEntity | null> {
    return this.m().getRepository(OrganisationEntity).findOneBy({ id });
  }

  async setVerification(
    id: string,
    verification: Pick<OrganisationEntity, 'verifiedAt' | 'verifiedBy'>,
  ): Promise<void> {
    await this.tx().getRepository(OrganisationEntity).update({ id }, verification);
  }

  async create(organisation: NewOrganisation): Promise<OrganisationEntity> {
    const repo = this.tx().getRepository(OrganisationEntity);
    // The unique SIRET decides between two registrations at once.
    return uniqueWrite(() => repo.save(repo.create(organisation)));
  }

  /**
   * Locks the organisation's row until the transaction ends, so that membership changes of one
   * organisation happen one after the other (the last-owner rule holds under concurrency).
   */
  async lock(organisationId: string): Promise<OrganisationEntity | null> {
    return this.tx()
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('o.id = :organisationId', { organisationId })
      .setLock('pessimistic_write')
      .getOne();
  }

  findMembership(userId: string, organisationId: string): Promise<MembershipEntity | null> {
    return this.m().getRepository(MembershipEntity).findOneBy({ userId, organisationId });
  }

  async addMembership(
    userId: string,
    organisationId: string,
    role: MembershipRole,
  ): Promise<MembershipEntity> {
    const repo = this.tx().getRepository(MembershipEntity);
    return repo.save(repo.create({ userId, organisationId, role }));
  }

  /** One member of the organisation with their account (the answer to a change of role). */
  async findMemberWithUser(
    userId: string,
    organisationId: string,
  ): Promise<MembershipWithUser | null> {
    const found = await this.tx()
      .getRepository(MembershipEntity)
      .findOne({ where: { userId, organisationId }, relations: { user: true } });
    return found?.user ? { ...found, user: found.user } : null;
  }

  async setRole(userId: string, organisationId: string, role: MembershipRole): Promise<void> {
    await this.tx().getRepository(MembershipEntity).update({ userId, organisationId }, { role });
  }

  async removeMembership(userId: string, organisationId: string): Promise<void> {
    await this.tx().getRepository(MembershipEntity).delete({ userId, organisationId });
  }

  async countOwners(organisationId: string): Promise<number> {
    return this.tx().getRepository(MembershipEntity).countBy({ organisationId, role: 'owner' });
  }

  /** The user's memberships with their organisations, oldest first. */
  async membershipsOf(userId: string): Promise<MembershipWithOrganisation[]> {
    const rows = await this.m()
      .getRepository(MembershipEntity)
      .find({
        where: { userId },
        relations: { organisation: true },
        order: { createdAt: 'ASC' },
      });
    return rows.filter((r): r is MembershipWithOrganisation => r.organisation !== undefined);
  }

  /** Members of these organisations with their accounts, oldest membership first. */
  async membersOf(organisationIds: string[]): Promise<MembershipWithUser[]> {
    if (organisationIds.length === 0) return [];
    const rows = await this.m()
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.organisation_id IN (:...organisationIds)', { organisationIds })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('u.display_name', 'ASC')
      .getMany();
    return rows.filter((r): r is MembershipWithUser => r.user !== undefined);
  }

  /** Ids of the user's organisations: read on every dossier request, hence plain SQL. */
  async organisationIdsOf(userId: string): Promise<string[]> {
    const rows: { organisation_id: string }[] = await this.m().query(
      'SELECT organisation_id FROM memberships WHERE user_id = $1',
      [userId],
    );
    return rows.map((r) => r.organisation_id);
  }

  /**
   * Among these organisations, deletes those left with no member and no dossier; returns their
   * ids. Used when an account is deleted and by the purge of orphan drafts (retention).
   */
  async deleteEmptyOrganisations(organisationIds: string[]): Promise<string[]> {
    if (organisationIds.length === 0) return [];
    const result = await this.tx()
      .createQueryBuilder()
      .delete()
      .from(OrganisationEntity)
      .where('id IN (:...organisationIds)', { organisationIds })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM "memberships" m WHERE m."organisation_id" = "organisations"."id")',
      )
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM "dossiers" d WHERE d."organisation_id" = "organisations"."id")',
      )
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }
}
