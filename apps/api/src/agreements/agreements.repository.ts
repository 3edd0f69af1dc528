import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BindableRepository } from '../database/transactions.js';
import { AgreementEntity } from './agreement.entity.js';
import { FollowUpCommitteeEntity } from './follow-up-committee.entity.js';

@Injectable()
export class AgreementsRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  find(dossierId: string): Promise<AgreementEntity | null> {
    return this.m().getRepository(AgreementEntity).findOneBy({ dossierId });
  }

  /** Creates or replaces the agreement row (the service decides which fields may still change). */
  async save(agreement: AgreementEntity): Promise<AgreementEntity> {
    return this.tx().getRepository(AgreementEntity).save(agreement);
  }

  async addCommittee(
    committee: Omit<FollowUpCommitteeEntity, 'id' | 'dossier' | 'creator'>,
  ): Promise<FollowUpCommitteeEntity> {
    const repo = this.tx().getRepository(FollowUpCommitteeEntity);
    return repo.save(repo.create(committee));
  }

  /** A dossier's committees, in the order they were held, with who recorded them. */
  listCommittees(dossierId: string): Promise<FollowUpCommitteeEntity[]> {
    return this.m()
      .getRepository(FollowUpCommitteeEntity)
      .find({
        where: { dossierId },
        relations: { creator: true },
        order: { heldOn: 'ASC', createdAt: 'ASC' },
      });
  }
}
