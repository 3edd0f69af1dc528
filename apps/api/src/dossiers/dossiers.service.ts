import { Injectable, Logger } from '@nestjs/common';
import {
  availableEvents,
  campaignCharterRef,
  checkAttachmentReferences,
  checkCharterAcceptable,
  campaignStatus,
  describeIssues,
  dossierSchemas,
  dossierSummaryOf,
  evaluateEligibility,
  type Eligibility,
  submissionBlockers,
  type FieldIssue,
} from '@nec/domain';
import { unknownTerritoryIssues } from '@nec/domain/territories';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { QuotasService } from '../quotas/quotas.service.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { Clock } from '../clock/clock.js';
import { conflict, forbidden, unprocessable } from '../common/errors.js';
import { submissionFactsOf } from '../instruction/submission-facts.js';
import { MailService } from '../mail/mail.service.js';
import type { DossierEntity } from './dossier.entity.js';
import {
  toCharterAcceptanceDto,
  toDossierDto,
  toDossierSummaryDto,
  toSavedDraftDto,
} from './dossiers.dto.js';
import { DossiersRepository } from './dossiers.repository.js';
import { DossierWorkflowService } from './dossier-workflow.service.js';
import { DossierAccessService } from './dossier-access.service.js';
import type {
  AcceptCharterInput,
  CharterAcceptanceDto,
  CreateDossierInput,
  DossierDto,
  DossierSummaryDto,
  Page,
  PageQuery,
  SavedDraftDto,
  SaveDraftInput,
  SubmitDossierInput,
  WithdrawDossierInput,
} from '@nec/contracts';
import { Transactions, type Tx } from '../database/transactions.js';

@Injectable()
export class DossiersService {
  private readonly logger = new Logger('Dossiers');

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: DossiersRepository,
    private readonly campaigns: CampaignsService,
    private readonly workflow: DossierWorkflowService,
    private readonly access: DossierAccessService,
    private readonly audit: AuditService,
    private readonly quotas: QuotasService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  // ── reads ─────────────────────────────────────────────────────────────────

  /** The same visibility as `canReadDossier`, applied in the query. */
  async list(actor: Actor, query: PageQuery): Promise<Page<DossierSummaryDto>> {
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
    if (actor.role === 'applicant') {
      const { rows, total } = await this.repository.listForMember(actor.id, page);
      return {
        items: rows.map(toDossierSummaryDto),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    }
    const { rows, total } = await this.repository.listSubmitted(
      actor.role === 'admin' ? null : [...(await this.access.linksOf(actor)).instructedCampaignIds],
      page,
    );
    // An agent reading a list of other people's dossiers is audited, like reading one.
    await this.audit.record({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'dossier.list-read',
      subjectType: 'dossier',
      subjectId: null,
      details: { count: rows.length, total },
    });
    return {
      items: rows.map(toDossierSummaryDto),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<DossierDto> {
    const { dossier } = await this.access.readable(actor, id);
    await this.access.auditRead(actor, id);
    return this.toDto(dossier, actor);
  }

  /**
   * A draft's eligibility, live (on today's date); once submitted, the verdict frozen at
   * submission: never recomputed with a later date.
   */
  async eligibility(actor: Actor, id: string): Promise<Eligibility> {
    const { dossier } = await this.access.readable(actor, id);
    await this.access.auditRead(actor, id, 'eligibility');
    if (dossier.state !== 'draft') {
      const frozen = await this.repository.frozenEligibility(id);
      if (frozen) return frozen;
    }
    const campaign = await this.campaigns.getCampaign(dossier.campaignId);
    return evaluateEligibility(
      await this.contentWithCharter(dossier),
      campaign,
      this.clock.today(),
    );
  }

  private async toDto(dossier: DossierEntity, actor: Actor): Promise<DossierDto> {
    const record = await this.repository.findRecord(dossier.id);
    return toDossierDto(dossier, {
      ...record,
      draftIssues: this.draftIssues(dossier),
      availableEvents: availableEvents(dossier.state, actor.role),
      staff: actor.role !== 'applicant',
    });
  }

  /**
   * What is still wrong in a draft: the schema's issues (syntax, read in the browser too) and
   * territory codes unknown to the official reference (checked only here: the table is too big
   * for the browser).
   */
  private draftIssues(dossier: Pick<DossierEntity, 'callKind' | 'content'>): FieldIssue[] {
    const parsed = dossierSchemas[dossier.callKind].draft.safeParse(dossier.content);
    return [
      ...(parsed.success ? [] : describeIssues(parsed.error)),
      ...unknownTerritoryIssues(dossier.callKind, dossier.content),
    ];
  }

  /**
   * The content as the domain reads it. The charter acceptance comes only from its table: one
   * typed into the draft is ignored, so it cannot be forged through a draft save. Read in the
   * transaction `tx` when given.
   */
  private async contentWithCharter(
    dossier: DossierEntity,
    tx?: Tx,
  ): Promise<Record<string, unknown>> {
    const { charterAcceptance: _ignored, ...content } = dossier.content;
    const dossiers = tx ? this.repository.in(tx) : this.repository;
    const acceptance = await dossiers.latestCharterAcceptance(dossier.id);
    if (!acceptance) return content;
    return {
      ...content,
      charterAcceptance: {
        charterId: acceptance.charterId,
        version: acceptance.charterVersion,
        acceptedAt: acceptance.acceptedAt.toISOString(),
        acceptedBy: acceptance.userId ?? 'compte-supprime',
      },
    };
  }

  // ── applicant writes ──────────────────────────────────────────────────────

  async create(actor: Actor, input: CreateDossierInput): Promise<DossierDto> {
    const links = await this.access.linksOf(actor);
    if (!links.organisationIds.includes(input.organisationId)) {
      throw forbidden(
        'Vous ne pouvez déposer un dossier que pour une structure dont vous êtes membre.',
      );
    }
    const campaign = await this.campaigns.getCampaign(input.campaignId);
    if (campaignStatus(campaign, this.clock.today()) !== 'open') {
      throw unprocessable(
        'campaign-not-open',
        'Cet appel n’est pas ouvert : il n’accepte pas de nouveau dossier.',
      );
    }
    await this.quotas.assertCanCreateDossier(actor);
    const now = this.clock.now();
    const id = await this.transactions.run(
      { dossiers: this.repository },
      async ({ dossiers }, tx) => {
        const reference = await dossiers.nextReference(campaign.year);
        const dossier = await dossiers.create({
          reference,
          campaignId: campaign.id,
          organisationId: input.organisationId,
          callKind: campaign.callKind,
          createdBy: actor.id,
        });
        await dossiers.addTransition({
          dossierId: dossier.id,
          event: 'create',
          fromState: null,
          toState: 'draft',
          actorId: actor.id,
          actorRole: actor.role,
          details: {},
          at: now,
        });
        await this.audit.record(
          {
            actorId: actor.id,
            actorRole: actor.role,
            action: 'dossier.create',
            subjectType: 'dossier',
            subjectId: dossier.id,
            details: { reference },
          },
          tx,
        );
        return dossier.id;
      },
    );
    return this.get(actor, id);
  }

  /**
   * Saves the draft as typed, even with invalid fields (they are reported, nothing is lost),
   * provided nobody saved in between: otherwise 409 with the current version and content.
   */
  async saveDraft(actor: Actor, id: string, input: SaveDraftInput): Promise<SavedDraftDto> {
    const dossier = await this.access.ownDossier(actor, id);
    if (dossier.state !== 'draft') {
      throw conflict('not-editable', 'Ce dossier a été déposé : il ne peut plus être modifié.');
    }
    const summary = dossierSummaryOf(dossier.callKind, input.content);
    const saved = await this.repository.saveDraft(
      id,
      input.version,
      input.content,
      summary,
      this.clock.now(),
    );
    if (!saved) {
      const current = await this.repository.findById(id);
      throw conflict(
        'version-conflict',
        'Ce dossier a été modifié entre-temps (dans un autre onglet ou par une autre personne). Rechargez-le avant d’enregistrer.',
        {
          currentVersion: current?.version ?? null,
          content: current?.content ?? null,
        },
      );
    }
    return toSavedDraftDto(
      saved,
      this.draftIssues({ callKind: dossier.callKind, content: input.content }),
      input.unsaved,
    );
  }

  async acceptCharter(
    actor: Actor,
    id: string,
    input: AcceptCharterInput,
  ): Promise<CharterAcceptanceDto> {
    const dossier = await this.access.ownDossier(actor, id);
    const acceptable = checkCharterAcceptable(dossier.state);
    if (!acceptable.ok) throw conflict(acceptable.error.code, acceptable.error.message);
    const campaign = await this.campaigns.getCampaign(dossier.campaignId);
    const expected = campaignCharterRef(campaign);
    if (expected && (expected.id !== input.charterId || expected.version !== input.version)) {
      throw unprocessable(
        'charter-version-mismatch',
        `Cet appel demande d’accepter la charte en version ${expected.version}.`,
        [
          {
            path: 'version',
            code: 'charter-version-mismatch',
            message: `Version attendue : ${expected.version}.`,
          },
        ],
      );
    }
    const acceptance = await this.transactions.run(
      { dossiers: this.repository },
      async ({ dossiers }, tx) => {
        const row = await dossiers.addCharterAcceptance({
          dossierId: id,
          userId: actor.id,
          charterId: input.charterId,
          charterVersion: input.version,
          acceptedAt: this.clock.now(),
        });
        await this.audit.record(
          {
            actorId: actor.id,
            actorRole: actor.role,
            action: 'dossier.charter-accepted',
            subjectType: 'dossier',
            subjectId: id,
            details: { charterId: input.charterId, version: input.version },
          },
          tx,
        );
        return row;
      },
    );
    return toCharterAcceptanceDto(acceptance);
  }

  /** Full validation, then the version is frozen with its verdict, in one transaction. */
  async submit(actor: Actor, id: string, input: SubmitDossierInput): Promise<DossierDto> {
    const own = await this.access.ownDossier(actor, id);
    // A stale version is a conflict before anything else: checking an old copy's completeness
    // would report field errors the person may already have fixed in the other tab.
    if (own.version !== input.version) throw staleVersion(own.version);
    const campaign = await this.campaigns.getCampaign(own.campaignId);
    const today = this.clock.today();
    const reference = await this.transactions.run(
      { dossiers: this.repository },
      async ({ dossiers }, tx) => {
        const content = await this.contentWithCharter(own, tx);
        const parsed = dossierSchemas[own.callKind].submission.safeParse(content);
        const unknownTerritories = unknownTerritoryIssues(own.callKind, content);
        if (!parsed.success || unknownTerritories.length > 0) {
          throw unprocessable(
            'incomplete-dossier',
            'Le dossier n’est pas complet : complétez les champs signalés avant de le déposer.',
            [...(parsed.success ? [] : describeIssues(parsed.error)), ...unknownTerritories],
          );
        }
        if ('attachments' in parsed.data) {
          const issues = checkAttachmentReferences(
            parsed.data.attachments,
            await dossiers.uploadedFilesOf(id),
          );
          if (issues.length > 0) {
            throw unprocessable(
              'invalid-attachments',
              'Certains documents listés ne correspondent pas aux fichiers déposés pour ce dossier : corrigez les champs signalés.',
              issues,
            );
          }
        }
        const number = (await dossiers.countVersions(id)) + 1;
        const { dossier } = await this.workflow.fire(tx, {
          dossierId: id,
          event: 'submit',
          actor,
          expectedVersion: input.version,
          context: { charterAccepted: 'charterAcceptance' in content, submissionValid: true },
          details: { version: number },
          patch: { submittedAt: this.clock.now() },
        });
        // Nothing ineligible is submitted: the applicant fixes it, or withdraws the request. Checked
        // after the transition (a stale version is a 409 first); throwing here rolls it back.
        const eligibility = evaluateEligibility(content, campaign, today);
        const blockers = submissionBlockers(eligibility);
        if (blockers.length > 0) {
          throw unprocessable(
            'ineligible-dossier',
            'Ce dossier ne remplit pas les conditions de ce qu’il demande : corrigez-le, ou retirez la demande concernée (subvention, duo), avant de le déposer.',
            blockers,
          );
        }
        await dossiers.addVersion({
          dossierId: id,
          number,
          content,
          eligibility,
          submittedAt: this.clock.now(),
          submittedBy: actor.id,
        });
        await dossiers.setSubmissionFacts(
          id,
          submissionFactsOf(own.callKind, content, eligibility),
        );
        return dossier.reference;
      },
    );
    await this.notify(
      actor.email,
      `Dossier ${reference} déposé`,
      `Bonjour,\n\nVotre dossier ${reference} a bien été déposé. Les équipes de l’ANCT vont l’étudier ; vous suivrez son avancement depuis votre espace.\n`,
    );
    return this.get(actor, id);
  }

  async withdraw(actor: Actor, id: string, input: WithdrawDossierInput): Promise<DossierDto> {
    await this.access.ownDossier(actor, id);
    await this.transactions.run((tx) =>
      this.workflow.fire(tx, {
        dossierId: id,
        event: 'withdraw',
        actor,
        details: input.reason ? { reason: input.reason } : {},
      }),
    );
    return this.get(actor, id);
  }

  // ── helpers ───────────────────────────────────────────────────────────────

  private async notify(to: string, subject: string, text: string): Promise<void> {
    // The change is committed: a mail failure is logged, not turned into an error for the user.
    try {
      await this.mail.send({ to, subject, text });
    } catch (error) {
      this.logger.error(`Courriel non envoyé à ${to} : ${String(error)}`);
    }
  }
}

function staleVersion(currentVersion: number) {
  return conflict(
    'version-conflict',
    'Ce dossier a été modifié entre-temps. Rechargez-le avant de continuer.',
    { currentVersion },
  );
}
