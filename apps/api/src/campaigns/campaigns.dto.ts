import { campaignStatus, type Campaign, type IsoDate } from '@nec/domain';
import type { CampaignDto, InstructorDto } from '@nec/contracts';
import type { UserEntity } from '../users/user.entity.js';

/** A campaign with where it stands on `today`. */
export const toCampaignDto = (campaign: Campaign, today: IsoDate): CampaignDto => ({
  ...campaign,
  status: campaignStatus(campaign, today),
});

export const toInstructorDto = (user: UserEntity): InstructorDto => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
});
