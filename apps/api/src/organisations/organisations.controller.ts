import { Controller, Param } from '@nestjs/common';
import {
  contract,
  type BodyOf,
  type CreateOrganisationInput,
  type PageQuery,
  type ResponseOf,
} from '@nec/contracts';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { organisationIdParam, uuidParam } from '../common/params.js';
import { Route } from '../common/route.js';
import { ZodBody, ZodQuery } from '../common/zod.js';
import { OrganisationsService } from './organisations.service.js';

const routes = contract.organisations;
/** `:userId` of a member's routes: not a uuid, not a member. */
const memberIdParam = uuidParam(
  'member-not-found',
  'Cette personne n’est pas membre de la structure.',
);

/**
 * The organisations applicants act for. Outside its members an organisation answers 404 (its
 * existence is not disclosed); a member who is not an owner gets 403 on owner-only actions.
 */
@Controller()
@Roles('applicant')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Route(routes.create)
  create(
    @CurrentActor() actor: Actor,
    @ZodBody(routes.create.body) body: CreateOrganisationInput,
  ): Promise<ResponseOf<typeof routes.create>> {
    return this.organisations.create(actor, body);
  }

  @Route(routes.mine)
  mine(
    @CurrentActor() actor: Actor,
    @ZodQuery(routes.mine.query) query: PageQuery,
  ): Promise<ResponseOf<typeof routes.mine>> {
    return this.organisations.mine(actor, query);
  }

  @Route(routes.removeMember)
  async removeMember(
    @CurrentActor() actor: Actor,
    @Param('id', organisationIdParam) id: string,
    @Param('userId', memberIdParam) userId: string,
  ): Promise<void> {
    await this.organisations.removeMember(actor, id, userId);
  }

  @Route(routes.setMemberRole)
  setMemberRole(
    @CurrentActor() actor: Actor,
    @Param('id', organisationIdParam) id: string,
    @Param('userId', memberIdParam) userId: string,
    @ZodBody(routes.setMemberRole.body) body: BodyOf<typeof routes.setMemberRole>,
  ): Promise<ResponseOf<typeof routes.setMemberRole>> {
    return this.organisations.setMemberRole(actor, id, userId, body.role);
  }

  @Route(routes.verify)
  @Roles('instructor', 'admin')
  setVerification(
    @CurrentActor() actor: Actor,
    @Param('id', organisationIdParam) id: string,
    @ZodBody(routes.verify.body) body: BodyOf<typeof routes.verify>,
  ): Promise<ResponseOf<typeof routes.verify>> {
    return this.organisations.setVerification(actor, id, body.verified);
  }
}
