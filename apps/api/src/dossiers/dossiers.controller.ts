import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { notFound } from '../common/errors.js';
import { ZodBody } from '../common/zod.js';
import {
  acceptCharterSchema,
  createDossierSchema,
  saveDraftSchema,
  submitDossierSchema,
  withdrawDossierSchema,
  type AcceptCharterInput,
  type CreateDossierInput,
  type SaveDraftInput,
  type SubmitDossierInput,
  type WithdrawDossierInput,
} from './dossiers.schemas.js';
import { DossiersService } from './dossiers.service.js';

/** A malformed id is answered like an unknown one. */
const dossierId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Ce dossier est introuvable.'),
});

@ApiTags('Dossiers')
@Controller('api/dossiers')
export class DossiersController {
  constructor(private readonly dossiers: DossiersService) {}

  @Post()
  @Roles('applicant')
  @ApiOperation({ summary: 'Créer un brouillon de dossier pour un appel ouvert' })
  create(@CurrentActor() actor: Actor, @ZodBody(createDossierSchema) body: CreateDossierInput) {
    return this.dossiers.create(actor, body);
  }

  @Get()
  @Roles('applicant', 'instructor', 'admin')
  @ApiOperation({
    summary: 'Mes dossiers (porteur) ou les dossiers déposés des appels que j’instruis',
  })
  list(@CurrentActor() actor: Actor) {
    return this.dossiers.list(actor);
  }

  @Get(':id')
  @Roles('applicant', 'instructor', 'admin')
  @ApiOperation({ summary: 'Un dossier, avec son historique et ses versions déposées' })
  get(@CurrentActor() actor: Actor, @Param('id', dossierId) id: string) {
    return this.dossiers.get(actor, id);
  }

  @Put(':id/draft')
  @Roles('applicant')
  @ApiOperation({
    summary: 'Enregistrer le brouillon (verrou optimiste : 409 si la version a changé)',
    description:
      'Le brouillon est enregistré tel que saisi, même avec des champs invalides : la réponse les liste dans `draftIssues` (chemin, code, message). Seules les valeurs impossibles à enregistrer (texte contenant un caractère nul ou mal encodé) sont écartées, les autres champs étant enregistrés : la réponse les liste dans `unsaved` (chemin, code `invalid-characters`, message). Réponse : `{ version, updatedAt, draftIssues, unsaved }`.',
  })
  saveDraft(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(saveDraftSchema) body: SaveDraftInput,
  ) {
    return this.dossiers.saveDraft(actor, id, body);
  }

  @Get(':id/eligibility')
  @Roles('applicant', 'instructor', 'admin')
  @ApiOperation({ summary: 'Verdict d’éligibilité en direct, règle par règle' })
  eligibility(@CurrentActor() actor: Actor, @Param('id', dossierId) id: string) {
    return this.dossiers.eligibility(actor, id);
  }

  @Post(':id/charter-acceptance')
  @Roles('applicant')
  @ApiOperation({ summary: 'Accepter la charte NEC (la version acceptée est enregistrée)' })
  acceptCharter(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(acceptCharterSchema) body: AcceptCharterInput,
  ) {
    return this.dossiers.acceptCharter(actor, id, body);
  }

  @Post(':id/submit')
  @Roles('applicant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Déposer le dossier (validation complète, version figée)' })
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(submitDossierSchema) body: SubmitDossierInput,
  ) {
    return this.dossiers.submit(actor, id, body);
  }

  @Post(':id/withdraw')
  @Roles('applicant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retirer le dossier' })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(withdrawDossierSchema) body: WithdrawDossierInput,
  ) {
    return this.dossiers.withdraw(actor, id, body);
  }
}
