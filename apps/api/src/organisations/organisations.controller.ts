import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { ApiError } from '../common/errors.js';
import { ZodBody } from '../common/zod.js';
import {
  addMemberSchema,
  createOrganisationSchema,
  type AddMemberInput,
  type CreateOrganisationInput,
} from './organisations.schemas.js';
import {
  OrganisationsService,
  type MemberDto,
  type MyOrganisationDto,
  type OrganisationDto,
} from './organisations.service.js';

/** A malformed id is answered like an unknown one. */
function uuidParam(code: string, message: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new ApiError(HttpStatus.NOT_FOUND, code, message),
  });
}
const organisationId = uuidParam('organisation-not-found', 'Cette structure est introuvable.');

/**
 * The organisations applicants act for. Outside its members an organisation answers 404 (its
 * existence is not disclosed); a member who is not an owner gets 403 on owner-only actions.
 */
@ApiTags('Structures')
@Controller('api/organisations')
@Roles('applicant')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @ApiOperation({ summary: 'Inscrire une structure par son SIRET (vous en devenez responsable)' })
  create(
    @CurrentActor() actor: Actor,
    @ZodBody(createOrganisationSchema) body: CreateOrganisationInput,
  ): Promise<OrganisationDto> {
    return this.organisations.create(actor, body);
  }

  @Get('mine')
  @ApiOperation({ summary: 'Mes structures, avec mon rôle et leurs membres' })
  mine(@CurrentActor() actor: Actor): Promise<{ items: MyOrganisationDto[] }> {
    return this.organisations.mine(actor);
  }

  @Post(':id/members')
  @ApiOperation({
    summary: 'Ajouter un compte porteur existant comme membre (responsable uniquement)',
  })
  addMember(
    @CurrentActor() actor: Actor,
    @Param('id', organisationId) id: string,
    @ZodBody(addMemberSchema) body: AddMemberInput,
  ): Promise<MemberDto> {
    return this.organisations.addMember(actor, id, body);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retirer un membre (responsable), ou quitter la structure soi-même' })
  async removeMember(
    @CurrentActor() actor: Actor,
    @Param('id', organisationId) id: string,
    @Param(
      'userId',
      uuidParam('member-not-found', 'Cette personne n’est pas membre de la structure.'),
    )
    userId: string,
  ): Promise<void> {
    await this.organisations.removeMember(actor, id, userId);
  }
}
