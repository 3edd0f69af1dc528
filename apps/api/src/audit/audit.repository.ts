import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BindableRepository } from '../database/transactions.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

/** What the audit trail can be filtered on; `from` included, `until` excluded. */
export interface AuditFilters {
  actorId?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: Date;
  until?: Date;
}

export type AuditEntry = Pick<
  AuditEntryEntity,
  'actorId' | 'actorRole' | 'action' | 'subjectType' | 'subjectId' | 'details'
>;

/** Where an entry comes from: filled from the request's context (see AuditService). */
export type AuditOrigin = Pick<
  AuditEntryEntity,
  'clientAddress' | 'userAgent' | 'sessionId' | 'requestId'
>;

const NO_ORIGIN: AuditOrigin = {
  clientAddress: null,
  userAgent: null,
  sessionId: null,
  requestId: null,
};

@Injectable()
export class AuditRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** An entry, in the bound transaction (the change it records) or on its own. */
  async append(entry: AuditEntry, at: Date, origin: AuditOrigin = NO_ORIGIN): Promise<void> {
    const repo = this.m().getRepository(AuditEntryEntity);
    await repo.save(repo.create({ ...entry, ...origin, at }), { reload: false });
  }

  listForSubject(subjectType: string, subjectId: string): Promise<AuditEntryEntity[]> {
    return this.m()
      .getRepository(AuditEntryEntity)
      .find({
        where: { subjectType, subjectId },
        order: { id: 'ASC' },
      });
  }

  listByActor(actorId: string): Promise<AuditEntryEntity[]> {
    return this.m()
      .getRepository(AuditEntryEntity)
      .find({
        where: { actorId },
        order: { id: 'ASC' },
      });
  }

  /** One page of entries, newest first, and how many match in all. */
  async page(
    filters: AuditFilters,
    page: { offset: number; limit: number },
  ): Promise<{ items: AuditEntryEntity[]; total: number }> {
    const query = this.m().getRepository(AuditEntryEntity).createQueryBuilder('a');
    const equal = ['actorId', 'action', 'subjectType', 'subjectId'] as const;
    for (const key of equal) {
      if (filters[key] !== undefined) query.andWhere(`a.${key} = :${key}`, { [key]: filters[key] });
    }
    if (filters.from) query.andWhere('a.at >= :from', { from: filters.from });
    if (filters.until) query.andWhere('a.at < :until', { until: filters.until });
    const [items, total] = await query
      .orderBy('a.id', 'DESC')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return { items, total };
  }

  /**
   * Deletes the entries older than `cutoff`; returns how many went. Only `audit_log_purge` may
   * delete (the table's trigger refuses any other DELETE), and never a row younger than a month.
   */
  async deleteBefore(cutoff: Date): Promise<number> {
    const rows: { deleted: number }[] = await this.m().query(
      `SELECT "audit_log_purge"($1) AS "deleted"`,
      [cutoff],
    );
    return Number(rows[0]?.deleted ?? 0);
  }
}
