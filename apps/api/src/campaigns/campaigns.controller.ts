import {
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { AppThrottlerGuard } from '../common/throttler.guard.js';
import { type Actor, CurrentActor, Public, Roles } from '../auth/actor.js';
import { PUBLIC_CACHE } from '../common/cache.js';
import { ZodBody, ZodQuery } from '../common/zod.js';
import {
  campaignBodySchema,
  campaignStatusFilters,
  listCampaignsQuerySchema,
  setInstructorsSchema,
  type CampaignBody,
  type ListCampaignsQuery,
  type SetInstructorsInput,
} from './campaigns.schemas.js';
import { CampaignsService, type CampaignDto, type InstructorDto } from './campaigns.service.js';

/** The calls as anyone sees them (the portal's list of calls, before signing in). */
@ApiTags('Appels')
@Controller('api/campaigns')
@UseGuards(AppThrottlerGuard)
@SkipThrottle({ auth: true })
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @Public()
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiOperation({ summary: 'Lister les appels (par défaut ceux qui sont ouverts aujourd’hui)' })
  @ApiQuery({ name: 'status', required: false, enum: campaignStatusFilters })
  list(
    @ZodQuery(listCampaignsQuerySchema) query: ListCampaignsQuery,
  ): Promise<{ items: CampaignDto[] }> {
    return this.campaigns.list(query);
  }

  @Get(':id')
  @Public()
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiOperation({ summary: 'Un appel, avec tous ses paramètres' })
  get(@Param('id') id: string): Promise<CampaignDto> {
    return this.campaigns.get(id);
  }
}

/** Managing the calls (administrators only). Every write is audited. */
@ApiTags('Administration des appels')
@Controller('api/admin/campaigns')
@Roles('admin')
export class AdminCampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post()
  @ApiOperation({
    summary: 'Créer un appel (schéma des campagnes du domaine ; champ inconnu refusé)',
  })
  create(
    @CurrentActor() actor: Actor,
    @ZodBody(campaignBodySchema) body: CampaignBody,
  ): Promise<CampaignDto> {
    return this.campaigns.create(actor, body);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Remplacer un appel en entier (l’identifiant du corps doit être celui de l’adresse)',
  })
  replace(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @ZodBody(campaignBodySchema) body: CampaignBody,
  ): Promise<CampaignDto> {
    return this.campaigns.replace(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Supprimer un appel sans dossier (409 s’il en a)' })
  async delete(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.campaigns.delete(actor, id);
  }

  @Get(':id/instructors')
  @ApiOperation({ summary: 'Les comptes qui instruisent cet appel' })
  listInstructors(@Param('id') id: string): Promise<{ items: InstructorDto[] }> {
    return this.campaigns.listInstructors(id);
  }

  @Put(':id/instructors')
  @ApiOperation({
    summary: 'Désigner les comptes qui instruisent cet appel (instructeurs ou administrateurs)',
  })
  setInstructors(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @ZodBody(setInstructorsSchema) body: SetInstructorsInput,
  ): Promise<{ items: InstructorDto[] }> {
    return this.campaigns.setInstructors(actor, id, body.userIds);
  }
}
