import { Controller, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import {
  contract,
  type AddCommitteeInput,
  type PageQuery,
  type RecordSignatureInput,
  type ResponseOf,
} from '@nec/contracts';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { notFound } from '../common/errors.js';
import { Route } from '../common/route.js';
import { ZodBody, ZodQuery } from '../common/zod.js';
import { AgreementsService } from './agreements.service.js';

const routes = contract.agreements;

/** A malformed id is answered like an unknown one. */
const dossierId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Ce dossier est introuvable.'),
});

@Controller()
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  /**
   * Applicants of the dossier's organisation may download it too: they are the other party and
   * must sign it. Analysts never (personal and contractual data).
   */
  @Route(routes.pdf)
  @Roles('applicant', 'instructor', 'admin')
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

  @Route(routes.recordSignature)
  @Roles('instructor', 'admin')
  recordSignature(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(routes.recordSignature.body) body: RecordSignatureInput,
  ): Promise<ResponseOf<typeof routes.recordSignature>> {
    return this.agreements.recordSignature(actor, id, body);
  }

  @Route(routes.addCommittee)
  @Roles('instructor', 'admin')
  addCommittee(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(routes.addCommittee.body) body: AddCommitteeInput,
  ): Promise<ResponseOf<typeof routes.addCommittee>> {
    return this.agreements.addCommittee(actor, id, body);
  }

  @Route(routes.listCommittees)
  @Roles('instructor', 'admin')
  listCommittees(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodQuery(routes.listCommittees.query) query: PageQuery,
  ): Promise<ResponseOf<typeof routes.listCommittees>> {
    return this.agreements.listCommittees(actor, id, query);
  }
}
