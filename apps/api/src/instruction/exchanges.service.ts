import { Injectable } from '@nestjs/common';
import {
  slicePage,
  type AnswerInput,
  type DossierDto,
  type InformationRequestDto,
  type InformationRequestInput,
  type MessageDto,
  type MessageInput,
  type NoteDto,
  type NoteInput,
  type Page,
  type PageQuery,
} from '@nec/contracts';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import { conflict, forbidden, notFound, unprocessable } from '../common/errors.js';
import { actsForApplicant } from '../dossiers/dossier-access.policy.js';
import { DossierAccessService } from '../dossiers/dossier-access.service.js';
import { DossierWorkflowService } from '../dossiers/dossier-workflow.service.js';
import { DossiersService } from '../dossiers/dossiers.service.js';
import { instructionMails } from '../mail/texts/instruction.js';
import { QuotasService } from '../quotas/quotas.service.js';
import { DossierNotifier } from './dossier-notifier.js';
import { toInformationRequestDto, toMessageDto, toNoteDto } from './instruction.dto.js';
import { InstructionRepository } from './instruction.repository.js';
import { Transactions } from '../database/transactions.js';

/**
 * What the ANCT team and the applicant exchange about a submitted dossier: information requests
 * and their answers, messages, and the team's private notes.
 */
@Injectable()
export class ExchangesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: InstructionRepository,
    private readonly dossiers: DossiersService,
    private readonly workflow: DossierWorkflowService,
    private readonly access: DossierAccessService,
    private readonly audit: AuditService,
    private readonly quotas: QuotasService,
    private readonly notify: DossierNotifier,
    private readonly clock: Clock,
  ) {}

  async requestInformation(
    actor: Actor,
    id: string,
    input: InformationRequestInput,
  ): Promise<InformationRequestDto> {
    const { dossier } = await this.access.readable(actor, id);
    const request = await this.transactions.run(
      { instruction: this.repository },
      async ({ instruction }, tx) => {
        await this.workflow.fire(tx, {
          dossierId: id,
          event: 'request-information',
          actor,
          context: { message: input.message, dueDate: input.dueDate },
          details: { dueDate: input.dueDate },
        });
        return instruction.addInformationRequest({
          dossierId: id,
          message: input.message,
          dueDate: input.dueDate,
          requestedBy: actor.id,
          requestedAt: this.clock.now(),
        });
      },
    );
    await this.notify.toApplicants(
      dossier,
      instructionMails.informationRequested(dossier.reference, input.message, input.dueDate),
    );
    return toInformationRequestDto(request, this.clock.today());
  }
  async answerInformation(
    actor: Actor,
    id: string,
    requestId: string,
    input: AnswerInput,
  ): Promise<DossierDto> {
    const { dossier, links } = await this.access.readable(actor, id);
    if (!actsForApplicant(actor, dossier, links))
      throw forbidden('Seuls les membres de la structure peuvent répondre.');
    await this.transactions.run({ instruction: this.repository }, async ({ instruction }, tx) => {
      const request = await instruction.findInformationRequestForUpdate(requestId, id);
      if (!request) throw notFound('Cette demande de compléments est introuvable.');
      if (request.answeredAt)
        throw conflict('already-answered', 'Vous avez déjà répondu à cette demande.');
      await this.workflow.fire(tx, {
        dossierId: id,
        event: 'answer-information',
        actor,
        details: { requestId },
      });
      const attachmentIds = [...new Set(input.attachmentIds)];
      const known = await instruction.attachmentIdsOf(id, attachmentIds);
      const unknown = attachmentIds.filter((a) => !known.includes(a));
      if (unknown.length > 0) {
        throw unprocessable(
          'unknown-attachment',
          'Certaines pièces jointes n’appartiennent pas à ce dossier : déposez-les d’abord sur le dossier.',
          unknown.map((a) => ({
            path: `attachmentIds.${input.attachmentIds.indexOf(a)}`,
            code: 'unknown-attachment',
            message: 'Cette pièce jointe est introuvable sur ce dossier.',
          })),
        );
      }
      await instruction.answerInformationRequest(requestId, {
        answerText: input.text,
        answeredBy: actor.id,
        answeredAt: this.clock.now(),
        answerAttachmentIds: attachmentIds,
      });
    });
    await this.notify.toAssignee(dossier, instructionMails.applicantAnswered(dossier.reference));
    return this.dossiers.get(actor, id);
  }
  async listInformationRequests(
    actor: Actor,
    id: string,
    query: PageQuery,
  ): Promise<Page<InformationRequestDto>> {
    await this.access.readable(actor, id);
    const rows = await this.repository.listInformationRequests(id);
    await this.access.auditRead(actor, id, 'information-requests');
    const today = this.clock.today();
    return slicePage(
      rows.map((r) => toInformationRequestDto(r, today)),
      query,
    );
  }
  async listMessages(actor: Actor, id: string, query: PageQuery): Promise<Page<MessageDto>> {
    await this.access.readable(actor, id);
    const rows = await this.repository.listMessages(id);
    await this.access.auditRead(actor, id, 'messages');
    return slicePage(
      rows.map((m) => toMessageDto(m, actor.role)),
      query,
    );
  }
  async postMessage(actor: Actor, id: string, input: MessageInput): Promise<MessageDto> {
    const { dossier, links } = await this.access.readable(actor, id);
    if (actor.role === 'applicant' && !actsForApplicant(actor, dossier, links))
      throw forbidden('Seuls les membres de la structure peuvent écrire sur ce dossier.');
    if (dossier.state === 'draft')
      throw conflict(
        'not-submitted',
        'Les échanges avec l’équipe de l’ANCT s’ouvrent une fois le dossier déposé.',
      );
    await this.quotas.assertCanPostMessage(actor);
    const message = await this.transactions.run(
      { instruction: this.repository },
      async ({ instruction }, tx) => {
        const row = await instruction.addMessage({
          dossierId: id,
          authorId: actor.id,
          authorRole: actor.role,
          body: input.body,
          createdAt: this.clock.now(),
        });
        await this.audit.record(
          {
            actorId: actor.id,
            actorRole: actor.role,
            action: 'dossier.message',
            subjectType: 'dossier',
            subjectId: id,
            details: { messageId: row.id },
          },
          tx,
        );
        return row;
      },
    );
    if (actor.role === 'applicant') {
      await this.notify.toAssignee(dossier, instructionMails.applicantWrote(dossier.reference));
    } else {
      await this.notify.toApplicants(dossier, instructionMails.teamWrote(dossier.reference));
    }
    return toMessageDto({ ...message, authorName: actor.displayName }, actor.role);
  }
  async listNotes(actor: Actor, id: string, query: PageQuery): Promise<Page<NoteDto>> {
    await this.access.readable(actor, id);
    const rows = await this.repository.listNotes(id);
    await this.access.auditRead(actor, id, 'notes');
    return slicePage(rows.map(toNoteDto), query);
  }
  async addNote(actor: Actor, id: string, input: NoteInput): Promise<NoteDto> {
    await this.access.readable(actor, id);
    const note = await this.transactions.run(
      { instruction: this.repository },
      async ({ instruction }, tx) => {
        const row = await instruction.addNote({
          dossierId: id,
          authorId: actor.id,
          body: input.body,
          createdAt: this.clock.now(),
        });
        await this.audit.record(
          {
            actorId: actor.id,
            actorRole: actor.role,
            action: 'dossier.note',
            subjectType: 'dossier',
            subjectId: id,
            details: { noteId: row.id },
          },
          tx,
        );
        return row;
      },
    );
    return toNoteDto({ ...note, authorName: actor.displayName });
  }
}
