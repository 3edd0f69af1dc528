import { Controller, Get, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { notFound } from '../common/errors.js';
import { ZodBody } from '../common/zod.js';
import {
  addCommitteeSchema,
  recordSignatureSchema,
  type AddCommitteeInput,
  type RecordSignatureInput,
} from './agreements.schemas.js';
import { AgreementsService } from './agreements.service.js';

/** A malformed id is answered like an unknown one. */
const dossierId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Ce dossier est introuvable.'),
});

@ApiTags('Instruction — convention et suivi')
@Controller('api/instruction/dossiers/:id')
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Post('agreement/signature')
  @Roles('instructor', 'admin')
  @ApiOperation({
    summary: 'Enregistrer la signature de la convention (le dossier passe à « Convention signée »)',
  })
  recordSignature(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(recordSignatureSchema) body: RecordSignatureInput,
  ) {
    return this.agreements.recordSignature(actor, id, body);
  }

  @Post('committees')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Enregistrer un comité de suivi et son compte rendu' })
  addCommittee(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(addCommitteeSchema) body: AddCommitteeInput,
  ) {
    return this.agreements.addCommittee(actor, id, body);
  }

  @Get('committees')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Les comités de suivi du dossier' })
  listCommittees(@CurrentActor() actor: Actor, @Param('id', dossierId) id: string) {
    return this.agreements.listCommittees(actor, id);
  }
}

/**
 * The agreement as a document of the dossier: the applicant (the other party, who signs it) and
 * the staff download it from the dossier's own address, not from an instruction one.
 */
@ApiTags('Dossiers')
@Controller('api/dossiers/:id')
export class DossierAgreementController {
  constructor(private readonly agreements: AgreementsService) {}

  /** Analysts never (personal and contractual data). */
  @Get('agreement.pdf')
  @Roles('applicant', 'instructor', 'admin')
  @ApiOperation({ summary: 'Télécharger la convention de subvention (PDF généré à la demande)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'La convention au format PDF.',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
  ): Promise<StreamableFile> {
    const { stream, filename } = await this.agreements.pdf(actor, id);
    return new StreamableFile(stream, {
      type: 'application/pdf',
      disposition: `attachment; filename="${filename}"`,
    });
  }
}
