import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BindableRepository } from '../database/transactions.js';
import { OneTimeTokenEntity } from '../auth/one-time-token.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { CharterAcceptanceEntity } from '../dossiers/charter-acceptance.entity.js';
import { DossierTransitionEntity } from '../dossiers/dossier-transition.entity.js';
import { DossierVersionEntity } from '../dossiers/dossier-version.entity.js';
import { DossierEntity } from '../dossiers/dossier.entity.js';
import { MembershipEntity } from '../organisations/membership.entity.js';

/** What the RGPD features read and delete about one account, across the tables that hold it. */
@Injectable()
export class AccountRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  // ── export ────────────────────────────────────────────────────────────────

  sessionsOf(userId: string): Promise<SessionEntity[]> {
    return this.m()
      .getRepository(SessionEntity)
      .find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  oneTimeTokensOf(userId: string): Promise<OneTimeTokenEntity[]> {
    return this.m()
      .getRepository(OneTimeTokenEntity)
      .find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  dossiersCreatedBy(userId: string): Promise<DossierEntity[]> {
    return this.m()
      .getRepository(DossierEntity)
      .find({ where: { createdBy: userId }, order: { createdAt: 'ASC' } });
  }

  versionsOf(dossierIds: string[]): Promise<DossierVersionEntity[]> {
    if (dossierIds.length === 0) return Promise.resolve([]);
    return this.m()
      .getRepository(DossierVersionEntity)
      .find({ where: { dossierId: In(dossierIds) }, order: { number: 'ASC' } });
  }

  transitionsOf(dossierIds: string[]): Promise<DossierTransitionEntity[]> {
    if (dossierIds.length === 0) return Promise.resolve([]);
    return this.m()
      .getRepository(DossierTransitionEntity)
      .find({ where: { dossierId: In(dossierIds) }, order: { at: 'ASC' } });
  }

  charterAcceptancesOf(dossierIds: string[]): Promise<CharterAcceptanceEntity[]> {
    if (dossierIds.length === 0) return Promise.resolve([]);
    return this.m()
      .getRepository(CharterAcceptanceEntity)
      .find({ where: { dossierId: In(dossierIds) }, order: { acceptedAt: 'ASC' } });
  }

  // ── deletion (always inside the caller's transaction) ────────────────────

  /**
   * States of the dossiers of these organisations or created by the user, read with a share lock:
   * a dossier cannot change state under the deletion until it commits.
   */
  async lockDossierStates(
    userId: string,
    organisationIds: string[],
  ): Promise<DossierEntity['state'][]> {
    const query = this.tx()
      .getRepository(DossierEntity)
      .createQueryBuilder('d')
      .select(['d.id', 'd.state'])
      .where('d.created_by = :userId', { userId });
    if (organisationIds.length > 0)
      query.orWhere('d.organisation_id IN (:...organisationIds)', { organisationIds });
    const rows = await query.setLock('pessimistic_read').getMany();
    return rows.map((r) => r.state);
  }

  /**
   * Among these organisations, those that still have members but no owner get their longest-
   * standing member as owner. Returns who was promoted where.
   */
  async promoteOldestMemberWhereNoOwner(
    organisationIds: string[],
  ): Promise<{ organisationId: string; userId: string }[]> {
    if (organisationIds.length === 0) return [];
    const result = await this.tx()
      .createQueryBuilder()
      .update(MembershipEntity)
      .set({ role: 'owner' })
      .where(
        `("organisation_id", "user_id") IN (
           SELECT DISTINCT ON (x."organisation_id") x."organisation_id", x."user_id"
             FROM "memberships" x
            WHERE x."organisation_id" IN (:...organisationIds)
              AND NOT EXISTS (SELECT 1 FROM "memberships" o WHERE o."organisation_id" = x."organisation_id" AND o."role" = 'owner')
            ORDER BY x."organisation_id", x."created_at" ASC, x."user_id" ASC)`,
        { organisationIds },
      )
      .returning(['organisationId', 'userId'])
      .execute();
    return (result.raw as { organisation_id: string; user_id: string }[]).map((r) => ({
      organisationId: r.organisation_id,
      userId: r.user_id,
    }));
  }
}
