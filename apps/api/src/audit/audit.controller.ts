import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { notFound } from '../common/errors.js';
import { ZodQuery } from '../common/zod.js';
import type { AuditPageDto } from './audit.dto.js';
import { AuditReadingService } from './audit-reading.service.js';
import { auditQuerySchema, type AuditQuery } from './audit.schemas.js';

/** A malformed dossier id is answered like an unknown one. */
function dossierIdPipe(): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => notFound('Ce dossier est introuvable.') });
}

@ApiTags('Journal d’audit')
@Controller('api/admin/audit')
@Roles('admin')
export class AuditController {
  constructor(private readonly reading: AuditReadingService) {}

  @Get()
  @ApiOperation({
    summary:
      'Le journal d’audit, du plus récent au plus ancien : filtres actorId, action, subjectType, subjectId, from, to (jours inclus) ; page, pageSize (≤ 200) ; réponse { items, total, page, pageSize }. Cette lecture est elle-même journalisée.',
  })
  list(
    @CurrentActor() actor: Actor,
    @ZodQuery(auditQuerySchema) query: AuditQuery,
  ): Promise<AuditPageDto> {
    return this.reading.read(actor, query);
  }

  @Get('dossiers/:id')
  @ApiOperation({
    summary: 'Le journal d’audit d’un dossier (lectures et actions), mêmes filtres et pagination',
  })
  forDossier(
    @CurrentActor() actor: Actor,
    @Param('id', dossierIdPipe()) id: string,
    @ZodQuery(auditQuerySchema) query: AuditQuery,
  ): Promise<AuditPageDto> {
    return this.reading.read(actor, { ...query, subjectType: 'dossier', subjectId: id });
  }
}
