import { Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { notFound } from '../common/errors.js';
import { ZodBody } from '../common/zod.js';
import { putScoreSheetSchema, type PutScoreSheetInput } from './scoring.schemas.js';
import { ScoringService } from './scoring.service.js';

/** A malformed id is answered like an unknown one. */
const dossierId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Ce dossier est introuvable.'),
});

@ApiTags('Instruction — notation')
@Controller('api/instruction')
export class ScoringController {
  constructor(private readonly scoring: ScoringService) {}

  @Put('dossiers/:id/scores')
  @Roles('instructor', 'admin')
  @ApiOperation({
    summary:
      'Enregistrer ma grille de notation du dossier (notes de 0 à 4, commentaire obligatoire pour 0 et 4)',
  })
  putSheet(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(putScoreSheetSchema) body: PutScoreSheetInput,
  ) {
    return this.scoring.putSheet(actor, id, body);
  }

  @Get('dossiers/:id/scores')
  @Roles('instructor', 'admin')
  @ApiOperation({
    summary: 'Les grilles de tous les instructeurs et la note du dossier (moyennes, note pondérée)',
  })
  getScores(@CurrentActor() actor: Actor, @Param('id', dossierId) id: string) {
    return this.scoring.getScores(actor, id);
  }

  @Get('campaigns/:campaignId/ranking')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Classement des dossiers notés d’un appel' })
  ranking(@CurrentActor() actor: Actor, @Param('campaignId') campaignId: string) {
    return this.scoring.ranking(actor, campaignId);
  }
}
