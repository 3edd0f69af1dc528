import { Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { contract, type AuditQuery, type DossierAuditQuery, type ResponseOf } from '@nec/contracts';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { notFound } from '../common/errors.js';
import { Route } from '../common/route.js';
import { ZodQuery } from '../common/zod.js';
import { AuditReadingService } from './audit-reading.service.js';

const routes = contract.audit;

/** A malformed dossier id is answered like an unknown one. */
function dossierIdPipe(): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => notFound('Ce dossier est introuvable.') });
}

/** Admins read the audit trail; each reading is audited in turn (`AuditReadingService`). */
@Controller()
@Roles('admin')
export class AuditController {
  constructor(private readonly reading: AuditReadingService) {}

  @Route(routes.list)
  list(
    @CurrentActor() actor: Actor,
    @ZodQuery(routes.list.query) query: AuditQuery,
  ): Promise<ResponseOf<typeof routes.list>> {
    return this.reading.read(actor, query);
  }

  @Route(routes.forDossier)
  forDossier(
    @CurrentActor() actor: Actor,
    @Param('id', dossierIdPipe()) id: string,
    @ZodQuery(routes.forDossier.query) query: DossierAuditQuery,
  ): Promise<ResponseOf<typeof routes.forDossier>> {
    return this.reading.read(actor, { ...query, subjectType: 'dossier', subjectId: id });
  }
}
