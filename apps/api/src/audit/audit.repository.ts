import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, LessThan } from 'typeorm';
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

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(entry: AuditEntry, at: Date, manager?: EntityManager): Promise<void> {
    const repo = (manager ?? this.dataSource.manager).getRepository(AuditEntryEntity);
    await repo.save(repo.create({ ...entry, at }));
  }

  listForSubject(subjectType: string, subjectId: string): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({
      where: { subjectType, subjectId },
      order: { id: 'ASC' },
    });
  }

  listByActor(actorId: string): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({
      where: { actorId },
      order: { id: 'ASC' },
    });
  }

  /** One page of entries, newest first, and how many match in all. */
  async page(
    filters: AuditFilters,
    page: { offset: number; limit: number },
  ): Promise<{ items: AuditEntryEntity[]; total: number }> {
    const query = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
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

  /** Deletes the entries older than `cutoff`; returns how many went. */
  async deleteBefore(cutoff: Date): Promise<number> {
    const result = await this.dataSource
      .getRepository(AuditEntryEntity)
      .delete({ at: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
