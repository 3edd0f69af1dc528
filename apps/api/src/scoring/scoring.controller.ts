import { Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { contract, type PutScoreSheetInput, type ResponseOf } from '@nec/contracts';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { notFound } from '../common/errors.js';
import { Route } from '../common/route.js';
import { ZodBody } from '../common/zod.js';
import { ScoringService } from './scoring.service.js';

const routes = contract.scoring;

/** A malformed id is answered like an unknown one. */
const dossierId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Ce dossier est introuvable.'),
});

@Controller()
export class ScoringController {
  constructor(private readonly scoring: ScoringService) {}

  @Route(routes.putSheet)
  @Roles('instructor', 'admin')
  putSheet(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(routes.putSheet.body) body: PutScoreSheetInput,
  ): Promise<ResponseOf<typeof routes.putSheet>> {
    return this.scoring.putSheet(actor, id, body);
  }

  @Route(routes.getScores)
  @Roles('instructor', 'admin')
  getScores(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
  ): Promise<ResponseOf<typeof routes.getScores>> {
    return this.scoring.getScores(actor, id);
  }

  @Route(routes.ranking)
  @Roles('instructor', 'admin')
  ranking(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
  ): Promise<ResponseOf<typeof routes.ranking>> {
    return this.scoring.ranking(actor, campaignId);
  }
}
