import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Campaign } from '@nec/domain';
import { DataSource, In, type QueryDeepPartialEntity } from 'typeorm';
import { BindableRepository } from '../database/transactions.js';
import { DossierEntity } from '../dossiers/dossier.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { CampaignInstructorEntity } from './campaign-instructor.entity.js';
import { CampaignEntity } from './campaign.entity.js';

/** Campaign rows and their instructors. The row's `params` column holds the campaign's figures. */
@Injectable()
export class CampaignsRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Every campaign, most recent opening first. */
  list(): Promise<CampaignEntity[]> {
    return this.m()
      .getRepository(CampaignEntity)
      .find({ order: { opensOn: 'DESC', id: 'ASC' } });
  }

  findById(id: string): Promise<CampaignEntity | null> {
    return this.m().getRepository(CampaignEntity).findOneBy({ id });
  }

  async insert(campaign: Campaign): Promise<void> {
    // A plain INSERT (not `save`): a campaign created twice at once fails on the primary key (409).
    // TypeORM's deep-partial type cannot express a jsonb `Record<string, unknown>`: hence the cast.
    await this.tx()
      .getRepository(CampaignEntity)
      .insert(toRow(campaign) as QueryDeepPartialEntity<CampaignEntity>);
  }

  /** Replaces every field of an existing campaign (its id stays). */
  async replace(campaign: Campaign): Promise<void> {
    const repo = this.tx().getRepository(CampaignEntity);
    const { id, ...fields } = toRow(campaign);
    await repo.save(repo.create({ id, ...fields }));
  }

  async delete(id: string): Promise<void> {
    await this.tx().getRepository(CampaignEntity).delete({ id });
  }

  countDossiers(campaignId: string): Promise<number> {
    return this.m().getRepository(DossierEntity).countBy({ campaignId });
  }

  /** The accounts assigned to a campaign, by display name. */
  async listInstructors(campaignId: string): Promise<UserEntity[]> {
    return this.m()
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoin(CampaignInstructorEntity, 'ci', 'ci.user_id = u.id')
      .where('ci.campaign_id = :campaignId', { campaignId })
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.email_normalized', 'ASC')
      .getMany();
  }

  /** Accounts by id (the unknown ones are simply absent). */
  findUsers(ids: readonly string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.m()
      .getRepository(UserEntity)
      .findBy({ id: In([...ids]) });
  }

  /** Replaces the campaign's instructors by exactly these accounts. */
  async setInstructors(campaignId: string, userIds: readonly string[]): Promise<void> {
    const repo = this.tx().getRepository(CampaignInstructorEntity);
    await repo.delete({ campaignId });
    if (userIds.length > 0) await repo.insert(userIds.map((userId) => ({ campaignId, userId })));
  }

  async isInstructor(userId: string, campaignId: string): Promise<boolean> {
    return this.m().getRepository(CampaignInstructorEntity).existsBy({ userId, campaignId });
  }

  async campaignIdsInstructedBy(userId: string): Promise<string[]> {
    const rows = await this.m()
      .getRepository(CampaignInstructorEntity)
      .find({ select: { campaignId: true }, where: { userId }, order: { campaignId: 'ASC' } });
    return rows.map((r) => r.campaignId);
  }
}

function toRow(
  campaign: Campaign,
): Pick<CampaignEntity, 'id' | 'callKind' | 'year' | 'title' | 'opensOn' | 'closesOn' | 'params'> {
  const { id, callKind, year, title, opensOn, closesOn, params } = campaign;
  return { id, callKind, year, title, opensOn, closesOn, params: { ...params } };
}
