import { Controller, Header, Param, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import {
  contract,
  type CampaignBody,
  type CampaignForEventQuery,
  type ListCampaignsQuery,
  type PageQuery,
  type ResponseOf,
  type SetInstructorsInput,
} from '@nec/contracts';
import { type Actor, CurrentActor, Public, Roles } from '../auth/actor.js';
import { PUBLIC_CACHE } from '../common/cache.js';
import { Route } from '../common/route.js';
import { AppThrottlerGuard } from '../common/throttler.guard.js';
import { ZodBody, ZodQuery } from '../common/zod.js';
import { CampaignsService } from './campaigns.service.js';

const routes = contract.campaigns;
const admin = contract.adminCampaigns;

/** The calls as anyone sees them (the portal's list of calls, before signing in). */
@Controller()
@UseGuards(AppThrottlerGuard)
@SkipThrottle({ auth: true })
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Route(routes.list)
  @Public()
  @Header('Cache-Control', PUBLIC_CACHE)
  list(
    @ZodQuery(routes.list.query) query: ListCampaignsQuery,
  ): Promise<ResponseOf<typeof routes.list>> {
    return this.campaigns.list(query);
  }

  // Declared before ':id', which would otherwise match "for-event".
  @Route(routes.forEvent)
  @Public()
  forEvent(
    @ZodQuery(routes.forEvent.query) query: CampaignForEventQuery,
  ): Promise<ResponseOf<typeof routes.forEvent>> {
    return this.campaigns.forEvent(query);
  }

  @Route(routes.get)
  @Public()
  @Header('Cache-Control', PUBLIC_CACHE)
  get(@Param('id') id: string): Promise<ResponseOf<typeof routes.get>> {
    return this.campaigns.get(id);
  }
}

/** Managing the calls (administrators only). Every write is audited. */
@Controller()
@Roles('admin')
export class AdminCampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Route(admin.create)
  create(
    @CurrentActor() actor: Actor,
    @ZodBody(admin.create.body) body: CampaignBody,
  ): Promise<ResponseOf<typeof admin.create>> {
    return this.campaigns.create(actor, body);
  }

  @Route(admin.replace)
  replace(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @ZodBody(admin.replace.body) body: CampaignBody,
  ): Promise<ResponseOf<typeof admin.replace>> {
    return this.campaigns.replace(actor, id, body);
  }

  @Route(admin.delete)
  async delete(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.campaigns.delete(actor, id);
  }

  @Route(admin.listInstructors)
  listInstructors(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @ZodQuery(admin.listInstructors.query) query: PageQuery,
  ): Promise<ResponseOf<typeof admin.listInstructors>> {
    return this.campaigns.listInstructors(actor, id, query);
  }

  @Route(admin.setInstructors)
  setInstructors(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @ZodBody(admin.setInstructors.body) body: SetInstructorsInput,
  ): Promise<ResponseOf<typeof admin.setInstructors>> {
    return this.campaigns.setInstructors(actor, id, body.userIds);
  }
}
