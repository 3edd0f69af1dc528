import { Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import {
  contract,
  type AcceptCharterInput,
  type CreateDossierInput,
  type PageQuery,
  type ResponseOf,
  type SaveDraftInput,
  type SubmitDossierInput,
  type WithdrawDossierInput,
} from '@nec/contracts';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { notFound } from '../common/errors.js';
import { Route } from '../common/route.js';
import { ZodBody, ZodQuery } from '../common/zod.js';
import { DossiersService } from './dossiers.service.js';

const routes = contract.dossiers;

/** A malformed id is answered like an unknown one. */
const dossierId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Ce dossier est introuvable.'),
});

@Controller()
export class DossiersController {
  constructor(private readonly dossiers: DossiersService) {}

  @Route(routes.create)
  @Roles('applicant')
  create(
    @CurrentActor() actor: Actor,
    @ZodBody(routes.create.body) body: CreateDossierInput,
  ): Promise<ResponseOf<typeof routes.create>> {
    return this.dossiers.create(actor, body);
  }

  @Route(routes.list)
  @Roles('applicant', 'instructor', 'admin')
  list(
    @CurrentActor() actor: Actor,
    @ZodQuery(routes.list.query) query: PageQuery,
  ): Promise<ResponseOf<typeof routes.list>> {
    return this.dossiers.list(actor, query);
  }

  @Route(routes.get)
  @Roles('applicant', 'instructor', 'admin')
  get(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
  ): Promise<ResponseOf<typeof routes.get>> {
    return this.dossiers.get(actor, id);
  }

  @Route(routes.saveDraft)
  @Roles('applicant')
  saveDraft(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(routes.saveDraft.body) body: SaveDraftInput,
  ): Promise<ResponseOf<typeof routes.saveDraft>> {
    return this.dossiers.saveDraft(actor, id, body);
  }

  @Route(routes.eligibility)
  @Roles('applicant', 'instructor', 'admin')
  eligibility(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
  ): Promise<ResponseOf<typeof routes.eligibility>> {
    return this.dossiers.eligibility(actor, id);
  }

  @Route(routes.acceptCharter)
  @Roles('applicant')
  acceptCharter(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(routes.acceptCharter.body) body: AcceptCharterInput,
  ): Promise<ResponseOf<typeof routes.acceptCharter>> {
    return this.dossiers.acceptCharter(actor, id, body);
  }

  @Route(routes.submit)
  @Roles('applicant')
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(routes.submit.body) body: SubmitDossierInput,
  ): Promise<ResponseOf<typeof routes.submit>> {
    return this.dossiers.submit(actor, id, body);
  }

  @Route(routes.withdraw)
  @Roles('applicant')
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(routes.withdraw.body) body: WithdrawDossierInput,
  ): Promise<ResponseOf<typeof routes.withdraw>> {
    return this.dossiers.withdraw(actor, id, body);
  }
}
