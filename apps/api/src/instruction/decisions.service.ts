import { Injectable } from '@nestjs/common';
import { budgetSchema, checkAwardedAmount, type Campaign } from '@nec/domain';
import type {
  DecisionInput,
  DossierDto,
  InterviewDto,
  InterviewInput,
  InterviewNotesInput,
} from '@nec/contracts';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { Clock } from '../clock/clock.js';
import { notFound, unprocessable } from '../common/errors.js';
import { DossierAccessService } from '../dossiers/dossier-access.service.js';
import { DossierWorkflowService } from '../dossiers/dossier-workflow.service.js';
import { DossiersService } from '../dossiers/dossiers.service.js';
import { instructionMails } from '../mail/texts/instruction.js';
import { DossierNotifier } from './dossier-notifier.js';
import { toInterviewDto } from './instruction.dto.js';
import { InstructionRepository } from './instruction.repository.js';
import { Transactions } from '../database/transactions.js';

/**
 * The way to a decision: the interview (its date, then the team's notes) and the decision
 * itself (accepted, with the subsidy awarded checked against the campaign's bounds, or refused
 * with its reason). Every state change goes through `DossierWorkflowService.fire`.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: InstructionRepository,
    private readonly dossiers: DossiersService,
    private readonly workflow: DossierWorkflowService,
    private readonly access: DossierAccessService,
    private readonly campaigns: CampaignsService,
    private readonly audit: AuditService,
    private readonly notify: DossierNotifier,
    private readonly clock: Clock,
  ) {}

  async scheduleInterview(actor: Actor, id: string, input: InterviewInput): Promise<InterviewDto> {
    const { dossier } = await this.access.readable(actor, id);
    const interview = await this.transactions.run(
      { instruction: this.repository },
      async ({ instruction }, tx) => {
        await this.workflow.fire(tx, {
          dossierId: id,
          event: 'schedule-interview',
          actor,
          context: { interviewDate: input.date },
          details: { date: input.date },
        });
        return instruction.addInterview({
          dossierId: id,
          scheduledFor: input.date,
          notes: input.notes ?? null,
          createdBy: actor.id,
          createdAt: this.clock.now(),
        });
      },
    );
    await this.notify.toApplicants(
      dossier,
      instructionMails.interviewScheduled(dossier.reference, input.date),
    );
    return toInterviewDto(interview);
  }
  async updateInterviewNotes(
    actor: Actor,
    id: string,
    input: InterviewNotesInput,
  ): Promise<InterviewDto> {
    await this.access.readable(actor, id);
    return this.transactions.run({ instruction: this.repository }, async ({ instruction }, tx) => {
      const interview = await instruction.latestInterview(id);
      if (!interview) throw notFound('Aucun entretien n’est prévu pour ce dossier.');
      await instruction.setInterviewNotes(interview.id, input.notes);
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'dossier.interview-notes',
          subjectType: 'dossier',
          subjectId: id,
          details: { interviewId: interview.id },
        },
        tx,
      );
      return toInterviewDto({ ...interview, notes: input.notes });
    });
  }
  async decide(actor: Actor, id: string, input: DecisionInput): Promise<DossierDto> {
    const { dossier } = await this.access.readable(actor, id);
    if (input.decision === 'accept') {
      const amount = input.awardedAmountCents;
      const campaign = await this.campaigns.getCampaign(dossier.campaignId);
      await this.transactions.run(async (tx) => {
        await this.workflow.fire(tx, {
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
      await this.notify.toApplicants(dossier, instructionMails.accepted(dossier.reference, amount));
    } else {
      await this.transactions.run((tx) =>
        this.workflow.fire(tx, {
          dossierId: id,
          event: 'refuse',
          actor,
          context: { reason: input.reason },
          details: { reason: input.reason },
        }),
      );
      await this.notify.toApplicants(
        dossier,
        instructionMails.refused(dossier.reference, input.reason),
      );
    }
    return this.dossiers.get(actor, id);
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
