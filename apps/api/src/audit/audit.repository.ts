import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity.js';

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
}
