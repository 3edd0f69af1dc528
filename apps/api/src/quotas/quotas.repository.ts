import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { BindableRepository } from '../database/transactions.js';

/** The counts the quotas are checked against (one indexed count each). */
@Injectable()
export class QuotasRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** A count read on `manager`: `this.m()`, or `this.tx()` for a count under a lock. */
  private async count(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
    const rows: { count: string | number }[] = await manager.query(sql, params);
    return Number(rows[0]?.count ?? 0);
  }

  /** Organisations the account owns (it becomes the owner of those it registers). */
  ownedOrganisations(userId: string): Promise<number> {
    return this.count(
      this.m(),
      `SELECT count(*) AS "count" FROM "memberships" WHERE "user_id" = $1 AND "role" = 'owner'`,
      [userId],
    );
  }

  dossiersCreatedSince(userId: string, since: Date): Promise<number> {
    return this.count(
      this.m(),
      `SELECT count(*) AS "count" FROM "dossiers" WHERE "created_by" = $1 AND "created_at" > $2`,
      [userId, since],
    );
  }

  attachmentsOf(dossierId: string): Promise<number> {
    return this.count(
      this.tx(),
      `SELECT count(*) AS "count" FROM "dossier_attachments" WHERE "dossier_id" = $1`,
      [dossierId],
    );
  }

  /** Invitations of the organisation still waiting for an answer, whose link still works. */
  pendingInvitations(organisationId: string, now: Date): Promise<number> {
    return this.count(
      this.tx(),
      `SELECT count(*) AS "count" FROM "organisation_invitations"
        WHERE "organisation_id" = $1 AND "status" = 'pending' AND "expires_at" > $2`,
      [organisationId, now],
    );
  }

  /** The account's requests to join an organisation still waiting for an answer. */
  pendingJoinRequests(userId: string): Promise<number> {
    return this.count(
      this.m(),
      `SELECT count(*) AS "count" FROM "organisation_join_requests"
        WHERE "requester_id" = $1 AND "status" = 'pending'`,
      [userId],
    );
  }

  /** The messages written since `since`, and when the oldest of them was. */
  async messagesSince(
    userId: string,
    since: Date,
  ): Promise<{ count: number; oldest: Date | null }> {
    const rows: { count: string | number; oldest: Date | string | null }[] = await this.m().query(
      `SELECT count(*) AS "count", min("created_at") AS "oldest" FROM "dossier_messages"
          WHERE "author_id" = $1 AND "created_at" > $2`,
      [userId, since],
    );
    const oldest = rows[0]?.oldest;
    return { count: Number(rows[0]?.count ?? 0), oldest: oldest ? new Date(oldest) : null };
  }
}
