import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  budgetSchema,
  checkAwardedAmount,
  dossierStates,
  formatCents,
  formatDateFr,
  type Campaign,
  type DossierState,
} from '@nec/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { QuotasService } from '../quotas/quotas.service.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { Clock } from '../clock/clock.js';
import { conflict, forbidden, notFound, unprocessable } from '../common/errors.js';
import { actsForApplicant } from '../dossiers/dossier-access.policy.js';
import type { DossierEntity } from '../dossiers/dossier.entity.js';
import {
  slicePage,
  type AnswerInput,
  type AssigneeInput,
  type AssignmentDto,
  type DecisionInput,
  type DossierDto,
  type InformationRequestDto,
  type InformationRequestInput,
  type InterviewDto,
  type InterviewInput,
  type InterviewNotesInput,
  type MessageDto,
  type MessageInput,
  type NoteDto,
  type NoteInput,
  type Page,
  type PageQuery,
  type QueuePage,
  type QueueQuery,
} from '@nec/contracts';
import { DossiersRepository } from '../dossiers/dossiers.repository.js';
import { DossiersService } from '../dossiers/dossiers.service.js';
import { DossierWorkflowService } from '../dossiers/dossier-workflow.service.js';
import { DossierAccessService } from '../dossiers/dossier-access.service.js';
import { MailService } from '../mail/mail.service.js';
import {
  toInformationRequestDto,
  toInterviewDto,
  toMessageDto,
  toNoteDto,
  toQueueItemDto,
} from './instruction.dto.js';
import { InstructionRepository } from './instruction.repository.js';

/**
 * Instruction of submitted dossiers by instructors (campaigns they instruct) and admins, and the
 * exchanges with applicants (information requests, messages). Every state change goes through
 * `DossierWorkflowService.fire`, in one transaction with its own rows.
 */
@Injectable()
export class InstructionService {
  private readonly logger = new Logger('Instruction');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: InstructionRepository,
    private readonly dossierRows: DossiersRepository,
    private readonly dossiers: DossiersService,
    private readonly workflow: DossierWorkflowService,
    private readonly access: DossierAccessService,
    private readonly campaigns: CampaignsService,
    private readonly audit: AuditService,
    private readonly quotas: QuotasService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  // ── queue ─────────────────────────────────────────────────────────────────

  async queue(actor: Actor, query: QueueQuery): Promise<QueuePage> {
    const scope = {
      campaignIds:
        actor.role === 'admin' ? null : await this.campaigns.campaignIdsInstructedBy(actor.id),
      today: this.clock.today(),
    };
    const [rows, counts] = await Promise.all([
      this.repository.queuePage(query, scope),
      this.repository.queueCounts(query, scope),
    ]);
    const countsByState: Partial<Record<DossierState, number>> = {};
    for (const state of dossierStates) {
      const n = counts.get(state);
      if (n !== undefined) countsByState[state] = n;
    }
    const states = query.state ?? [...counts.keys()];
    const total = states.reduce((sum, state) => sum + (counts.get(state) ?? 0), 0);
    await this.audit.record({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'instruction.queue-read',
      subjectType: 'dossier',
      subjectId: null,
      details: { count: rows.length },
    });
    return {
      items: rows.map(toQueueItemDto),
      total,
      page: query.page,
      pageSize: query.pageSize,
      countsByState,
    };
  }

  // ── assignment and review ─────────────────────────────────────────────────

  async assign(actor: Actor, id: string, input: AssigneeInput): Promise<AssignmentDto> {
    const { dossier } = await this.access.readable(actor, id);
    let assignee: { id: string; displayName: string } | null = null;
    if (input.instructorId !== null) {
      const user = await this.repository.findUser(input.instructorId);
      const allowed =
        user !== null &&
        (user.role === 'admin' ||
          (user.role === 'instructor' &&
            (await this.campaigns.instructsCampaign(user.id, dossier.campaignId))));
      if (!user || !allowed) {
        throw unprocessable(
          'invalid-assignee',
          'Ce dossier ne peut être attribué qu’à une personne qui instruit son appel, ou à un administrateur.',
          [
            {
              path: 'instructorId',
              code: 'invalid-assignee',
              message: 'Choisissez une personne qui instruit cet appel.',
            },
          ],
        );
      }
      assignee = { id: user.id, displayName: user.displayName };
    }
    await this.dataSource.transaction(async (manager) => {
      await this.repository.setAssignee(id, assignee?.id ?? null, this.clock.now(), manager);
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'dossier.assign',
          subjectType: 'dossier',
          subjectId: id,
          details: { from: dossier.assignedInstructorId, to: assignee?.id ?? null },
        },
        manager,
      );
    });
    return { dossierId: id, assignee };
  }

  /** Takes the dossier for review; the caller becomes its instructor unless someone already is. */
  async take(actor: Actor, id: string): Promise<DossierDto> {
    await this.access.readable(actor, id);
    await this.dataSource.transaction(async (manager) => {
      await this.workflow.fire(manager, { dossierId: id, event: 'take-for-review', actor });
      if (await this.repository.assignIfUnassigned(id, actor.id, manager)) {
        await this.audit.record(
          {
            actorId: actor.id,
            actorRole: actor.role,
            action: 'dossier.assign',
            subjectType: 'dossier',
            subjectId: id,
            details: { from: null, to: actor.id },
          },
          manager,
        );
      }
    });
    return this.dossiers.get(actor, id);
  }

  // ── information requests ──────────────────────────────────────────────────

  async requestInformation(
    actor: Actor,
    id: string,
    input: InformationRequestInput,
  ): Promise<InformationRequestDto> {
    const { dossier } = await this.access.readable(actor, id);
    const request = await this.dataSource.transaction(async (manager) => {
      await this.workflow.fire(manager, {
        dossierId: id,
        event: 'request-information',
        actor,
        context: { message: input.message, dueDate: input.dueDate },
        details: { dueDate: input.dueDate },
      });
      return this.repository.addInformationRequest(
        {
          dossierId: id,
          message: input.message,
          dueDate: input.dueDate,
          requestedBy: actor.id,
          requestedAt: this.clock.now(),
        },
        manager,
      );
    });
    await this.notifyApplicants(
      dossier,
      `Dossier ${dossier.reference} : des compléments vous sont demandés`,
      `Bonjour,\n\nL’équipe de l’ANCT qui étudie votre dossier ${dossier.reference} vous demande des compléments :\n\n${input.message}\n\nMerci de répondre depuis votre espace avant le ${formatDateFr(input.dueDate)}.\n`,
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
    await this.dataSource.transaction(async (manager) => {
      const request = await this.repository.findInformationRequest(requestId, id, manager);
      if (!request) throw notFound('Cette demande de compléments est introuvable.');
      if (request.answeredAt)
        throw conflict('already-answered', 'Vous avez déjà répondu à cette demande.');
      await this.workflow.fire(manager, {
        dossierId: id,
        event: 'answer-information',
        actor,
        details: { requestId },
      });
      const attachmentIds = [...new Set(input.attachmentIds)];
      const known = await this.repository.attachmentIdsOf(id, attachmentIds, manager);
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
      await this.repository.answerInformationRequest(
        requestId,
        {
          answerText: input.text,
          answeredBy: actor.id,
          answeredAt: this.clock.now(),
          answerAttachmentIds: attachmentIds,
        },
        manager,
      );
    });
    await this.notifyAssignee(
      dossier,
      `Dossier ${dossier.reference} : le porteur a répondu`,
      `Bonjour,\n\nLe porteur du dossier ${dossier.reference} a répondu à votre demande de compléments. Le dossier est de nouveau en cours d’instruction.\n`,
    );
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

  // ── interview ─────────────────────────────────────────────────────────────

  async scheduleInterview(actor: Actor, id: string, input: InterviewInput): Promise<InterviewDto> {
    const { dossier } = await this.access.readable(actor, id);
    const interview = await this.dataSource.transaction(async (manager) => {
      await this.workflow.fire(manager, {
        dossierId: id,
        event: 'schedule-interview',
        actor,
        context: { interviewDate: input.date },
        details: { date: input.date },
      });
      return this.repository.addInterview(
        {
          dossierId: id,
          scheduledFor: input.date,
          notes: input.notes ?? null,
          createdBy: actor.id,
          createdAt: this.clock.now(),
        },
        manager,
      );
    });
    await this.notifyApplicants(
      dossier,
      `Dossier ${dossier.reference} : un entretien est prévu`,
      `Bonjour,\n\nL’équipe de l’ANCT souhaite s’entretenir avec vous au sujet de votre dossier ${dossier.reference}, le ${formatDateFr(input.date)}. Elle vous contactera pour convenir des modalités.\n`,
    );
    return toInterviewDto(interview);
  }

  async updateInterviewNotes(
    actor: Actor,
    id: string,
    input: InterviewNotesInput,
  ): Promise<InterviewDto> {
    await this.access.readable(actor, id);
    return this.dataSource.transaction(async (manager) => {
      const interview = await this.repository.latestInterview(id, manager);
      if (!interview) throw notFound('Aucun entretien n’est prévu pour ce dossier.');
      await this.repository.setInterviewNotes(interview.id, input.notes, manager);
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'dossier.interview-notes',
          subjectType: 'dossier',
          subjectId: id,
          details: { interviewId: interview.id },
        },
        manager,
      );
      return toInterviewDto({ ...interview, notes: input.notes });
    });
  }

  // ── decision ──────────────────────────────────────────────────────────────

  async decide(actor: Actor, id: string, input: DecisionInput): Promise<DossierDto> {
    const { dossier } = await this.access.readable(actor, id);
    if (input.decision === 'accept') {
      const amount = input.awardedAmountCents;
      const campaign = await this.campaigns.getCampaign(dossier.campaignId);
      await this.dataSource.transaction(async (manager) => {
        await this.workflow.fire(manager, {
          dossierId: id,
          event: 'accept',
          actor,
          context: amount === undefined ? {} : { awardedAmountCents: amount },
          details: { awardedAmountCents: amount ?? null },
          patch: { awardedAmountCents: amount ?? null },
        });
        // After the state check (409 first), inside the transaction: a refused amount rolls it back.
        if (amount !== undefined && amount > 0)
          assertAwardWithinBounds(campaign, dossier.content, amount);
      });
      const text =
        amount !== undefined && amount > 0
          ? `Bonne nouvelle : votre dossier ${dossier.reference} est accepté, avec une subvention de l’ANCT de ${formatCents(amount)}.`
          : `Bonne nouvelle : votre dossier ${dossier.reference} est accepté.`;
      await this.notifyApplicants(
        dossier,
        `Dossier ${dossier.reference} accepté`,
        `Bonjour,\n\n${text} Vous retrouverez les prochaines étapes dans votre espace.\n`,
      );
    } else {
      await this.dataSource.transaction((manager) =>
        this.workflow.fire(manager, {
          dossierId: id,
          event: 'refuse',
          actor,
          context: { reason: input.reason },
          details: { reason: input.reason },
        }),
      );
      await this.notifyApplicants(
        dossier,
        `Dossier ${dossier.reference} : décision`,
        `Bonjour,\n\nNous sommes au regret de vous informer que votre dossier ${dossier.reference} n’a pas été retenu, pour le motif suivant :\n\n${input.reason}\n\nVous pouvez écrire à l’équipe depuis votre espace pour toute question.\n`,
      );
    }
    return this.dossiers.get(actor, id);
  }

  // ── messages and private notes ────────────────────────────────────────────

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
    const message = await this.dataSource.transaction(async (manager) => {
      const row = await this.repository.addMessage(
        {
          dossierId: id,
          authorId: actor.id,
          authorRole: actor.role,
          body: input.body,
          createdAt: this.clock.now(),
        },
        manager,
      );
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'dossier.message',
          subjectType: 'dossier',
          subjectId: id,
          details: { messageId: row.id },
        },
        manager,
      );
      return row;
    });
    if (actor.role === 'applicant') {
      await this.notifyAssignee(
        dossier,
        `Dossier ${dossier.reference} : nouveau message du porteur`,
        `Bonjour,\n\nLe porteur du dossier ${dossier.reference} vous a écrit. Lisez son message dans le back-office.\n`,
      );
    } else {
      await this.notifyApplicants(
        dossier,
        `Dossier ${dossier.reference} : nouveau message`,
        `Bonjour,\n\nL’équipe de l’ANCT vous a écrit au sujet de votre dossier ${dossier.reference}. Lisez son message depuis votre espace.\n`,
      );
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
    const note = await this.dataSource.transaction(async (manager) => {
      const row = await this.repository.addNote(
        { dossierId: id, authorId: actor.id, body: input.body, createdAt: this.clock.now() },
        manager,
      );
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'dossier.note',
          subjectType: 'dossier',
          subjectId: id,
          details: { noteId: row.id },
        },
        manager,
      );
      return row;
    });
    return toNoteDto({ ...note, authorName: actor.displayName });
  }

  // ── mail ──────────────────────────────────────────────────────────────────

  private async notifyApplicants(
    dossier: Pick<DossierEntity, 'organisationId'>,
    subject: string,
    text: string,
  ): Promise<void> {
    const members = await this.repository.organisationMembers(dossier.organisationId);
    for (const member of members) await this.send(member.email, subject, text);
  }

  private async notifyAssignee(
    dossier: Pick<DossierEntity, 'assignedInstructorId'>,
    subject: string,
    text: string,
  ): Promise<void> {
    if (!dossier.assignedInstructorId) return;
    const user = await this.repository.findUser(dossier.assignedInstructorId);
    if (user) await this.send(user.email, subject, text);
  }

  private async send(to: string, subject: string, text: string): Promise<void> {
    // The change is committed: a mail failure is logged, not turned into an error for the user.
    try {
      await this.mail.send({ to, subject, text });
    } catch (error) {
      this.logger.error(`Courriel non envoyé à ${to} : ${String(error)}`);
    }
  }
}

/**
 * Checks an awarded amount with the domain's rule (`checkAwardedAmount`: minimum, maximum, share
 * of the dossier's total budget). Campaigns without subsidy bounds (host, AMI) have nothing to check here.
 */
function assertAwardWithinBounds(
  campaign: Campaign,
  content: Record<string, unknown>,
  amountCents: number,
): void {
  if (campaign.callKind !== 'nec-local') return;
  const parsed = budgetSchema.safeParse(content.budget);
  if (!parsed.success) {
    throw unprocessable(
      'amount-out-of-bounds',
      'Le budget de ce dossier est illisible : le montant accordé ne peut pas être vérifié.',
      [
        {
          path: 'awardedAmountCents',
          code: 'budget-unreadable',
          message: 'Le budget du dossier ne permet pas de vérifier ce montant.',
        },
      ],
    );
  }
  const failed = checkAwardedAmount(parsed.data, campaign.params.subsidy, amountCents).filter(
    (check) => check.status === 'fail',
  );
  if (failed.length > 0) {
    throw unprocessable(
      'amount-out-of-bounds',
      failed.map((check) => check.message).join(' '),
      failed.map((check) => ({
        path: 'awardedAmountCents',
        code: check.id,
        message: check.message,
      })),
    );
  }
}
