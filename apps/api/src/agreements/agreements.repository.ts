import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AgreementEntity } from './agreement.entity.js';
import { FollowUpCommitteeEntity } from './follow-up-committee.entity.js';

@Injectable()
export class AgreementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  find(dossierId: string, manager?: EntityManager): Promise<AgreementEntity | null> {
    return this.m(manager).getRepository(AgreementEntity).findOneBy({ dossierId });
  }

  /** Creates or replaces the agreement row (the service decides which fields may still change). */
  async save(agreement: AgreementEntity, manager: EntityManager): Promise<AgreementEntity> {
    return manager.getRepository(AgreementEntity).save(agreement);
  }

  async addCommittee(
    committee: Omit<FollowUpCommitteeEntity, 'id' | 'dossier' | 'creator'>,
    manager: EntityManager,
  ): Promise<FollowUpCommitteeEntity> {
    const repo = manager.getRepository(FollowUpCommitteeEntity);
    return repo.save(repo.create(committee));
  }

  /** A dossier's committees, in the order they were held, with who recorded them. */
  listCommittees(dossierId: string): Promise<FollowUpCommitteeEntity[]> {
    return this.dataSource.getRepository(FollowUpCommitteeEntity).find({
      where: { dossierId },
      relations: { creator: true },
      order: { heldOn: 'ASC', createdAt: 'ASC' },
    });
  }
}
