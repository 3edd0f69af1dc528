import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import {
  compareIsoDates,
  eventModeSchema,
  hasSignedAgreement,
  holdsFollowUpCommittees,
  isoDateSchema,
  venueSchema,
  type Campaign,
  type IsoDate,
} from '@nec/domain';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { Clock } from '../clock/clock.js';
import { conflict, unprocessable } from '../common/errors.js';
import { DossierAccessService } from '../dossiers/dossier-access.service.js';
import type { DossierEntity } from '../dossiers/dossier.entity.js';
import { DossierWorkflowService } from '../dossiers/dossier-workflow.service.js';
import { composeAgreement, type AgreementData } from './agreement.document.js';
import { AgreementEntity } from './agreement.entity.js';
import { renderAgreementPdf } from './agreement.pdf.js';
import { AgreementsRepository } from './agreements.repository.js';
import {
  slicePage,
  type AddCommitteeInput,
  type AgreementDto,
  type CommitteeDto,
  type Page,
  type PageQuery,
  type RecordSignatureInput,
} from '@nec/contracts';
import { toAgreementDto, toCommitteeDto } from './agreements.dto.js';
import { Transactions } from '../database/transactions.js';

/** Last day of validity of the agreement: the campaign's, or 31 December of its year for calls without one. */
export function agreementEndDateOf(campaign: Campaign): IsoDate {
  return 'agreementEndDate' in campaign.params
    ? campaign.params.agreementEndDate
    : `${campaign.year}-12-31`;
}

const objectAt = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/** The event as the agreement describes it, read from the submitted content (null when unreadable). */
function projectOf(dossier: DossierEntity): AgreementData['project'] {
  const event = objectAt(dossier.content, 'event');
  const date = (key: string) => {
    const parsed = isoDateSchema.safeParse(objectAt(event, key));
    return parsed.success ? parsed.data : null;
  };
  const venue = venueSchema.safeParse(objectAt(event, 'venue'));
  const mode = eventModeSchema.safeParse(objectAt(dossier.content, 'eventMode'));
  return {
    title: dossier.title ?? dossier.reference,
    startDate: date('startDate') ?? dossier.eventDate,
    endDate: date('endDate'),
    venue: venue.success ? `${venue.data.name}, ${venue.data.address}` : null,
    online: mode.success && mode.data !== 'in-person',
  };
}

/**
 * The grant agreement (convention) of a subsidised dossier: generated on demand as a PDF, its
 * signature recorded through the workflow, then follow-up committees.
 */
@Injectable()
export class AgreementsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: AgreementsRepository,
    private readonly access: DossierAccessService,
    private readonly workflow: DossierWorkflowService,
    private readonly campaigns: CampaignsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private notFuture(date: IsoDate, path: string, message: string): void {
    if (compareIsoDates(date, this.clock.today()) > 0) {
      throw unprocessable('date-in-future', message, [{ path, code: 'date-in-future', message }]);
    }
  }

  // ── the document ──────────────────────────────────────────────────────────

  /**
   * The agreement as a PDF stream. Accepted dossiers with a subsidy get the agreement to sign;
   * once signed, the same agreement (frozen amount and validity) stays downloadable. Anything
   * else: 409. The generation is recorded (and audited as a read for agents).
   */
  async pdf(actor: Actor, id: string): Promise<{ stream: Readable; filename: string }> {
    const { dossier } = await this.access.readable(actor, id);
    const campaign = await this.campaigns.getCampaign(dossier.campaignId);
    const now = this.clock.now();
    const agreement = await this.transactions.run(
      { agreements: this.repository },
      async ({ agreements }, tx) => {
        const existing = await agreements.find(id);
        let row: AgreementEntity;
        if (dossier.state === 'accepted') {
          const amount = dossier.awardedAmountCents ?? 0;
          if (amount <= 0)
            throw conflict(
              'no-subsidy',
              'Ce dossier n’a pas obtenu de subvention : il n’a pas de convention.',
            );
          row = Object.assign(existing ?? new AgreementEntity(), {
            dossierId: id,
            amountCents: amount,
            validUntil: agreementEndDateOf(campaign),
            signedOn: null,
            signatureRecordedBy: null,
            signatureRecordedAt: null,
          });
        } else if (hasSignedAgreement(dossier.state) && existing?.signedOn) {
          row = existing;
        } else {
          throw conflict(
            'agreement-unavailable',
            'Une convention n’est établie que pour un dossier accepté avec une subvention.',
          );
        }
        row.generatedAt = now;
        const saved = await agreements.save(row);
        await this.audit.record(
          {
            actorId: actor.id,
            actorRole: actor.role,
            action: actor.role === 'applicant' ? 'agreement.download' : 'dossier.read',
            subjectType: 'dossier',
            subjectId: id,
            details: { part: 'agreement.pdf' },
          },
          tx,
        );
        return saved;
      },
    );
    const document = composeAgreement({
      reference: dossier.reference,
      campaign: { title: campaign.title, year: campaign.year },
      organisation: {
        name: dossier.organisation?.name ?? '',
        siret: dossier.organisation?.siret ?? '',
      },
      project: projectOf(dossier),
      amountCents: agreement.amountCents,
      validUntil: agreement.validUntil,
      issuedOn: this.clock.today(),
      signedOn: agreement.signedOn,
    });
    return {
      stream: renderAgreementPdf(document, { createdAt: now }),
      filename: `convention-${dossier.reference}.pdf`,
    };
  }

  // ── signature ─────────────────────────────────────────────────────────────

  /** Records the signature: the workflow's `sign-agreement` (accepted → agreement-signed) and the date. */
  async recordSignature(
    actor: Actor,
    id: string,
    input: RecordSignatureInput,
  ): Promise<AgreementDto> {
    const { dossier } = await this.access.readable(actor, id);
    this.notFuture(
      input.signedOn,
      'signedOn',
      'La date de signature ne peut pas être postérieure à aujourd’hui.',
    );
    const campaign = await this.campaigns.getCampaign(dossier.campaignId);
    const now = this.clock.now();
    const saved = await this.transactions.run(
      { agreements: this.repository },
      async ({ agreements }, tx) => {
        const { dossier: locked } = await this.workflow.fire(tx, {
          dossierId: id,
          event: 'sign-agreement',
          actor,
          context: subsidyContext(dossier.awardedAmountCents),
          details: { signedOn: input.signedOn },
        });
        const existing = await agreements.find(id);
        return agreements.save(
          Object.assign(existing ?? new AgreementEntity(), {
            dossierId: id,
            amountCents: locked.awardedAmountCents ?? 0,
            validUntil: existing?.validUntil ?? agreementEndDateOf(campaign),
            generatedAt: existing?.generatedAt ?? null,
            signedOn: input.signedOn,
            signatureRecordedBy: actor.id,
            signatureRecordedAt: now,
          }),
        );
      },
    );
    return toAgreementDto(saved);
  }

  // ── follow-up committees ──────────────────────────────────────────────────

  async addCommittee(actor: Actor, id: string, input: AddCommitteeInput): Promise<CommitteeDto> {
    const { dossier } = await this.access.readable(actor, id);
    if (!holdsFollowUpCommittees(dossier.state)) {
      throw conflict(
        'no-signed-agreement',
        'Un comité de suivi se tient sous une convention signée, jusqu’à la clôture du dossier.',
      );
    }
    this.notFuture(input.date, 'date', 'Enregistrez le comité de suivi une fois qu’il s’est tenu.');
    const committee = await this.transactions.run(
      { agreements: this.repository },
      async ({ agreements }, tx) => {
        const row = await agreements.addCommittee({
          dossierId: id,
          heldOn: input.date,
          minutes: input.minutes,
          createdBy: actor.id,
          createdAt: this.clock.now(),
        });
        await this.audit.record(
          {
            actorId: actor.id,
            actorRole: actor.role,
            action: 'dossier.committee-added',
            subjectType: 'dossier',
            subjectId: id,
            details: { committeeId: row.id, date: input.date },
          },
          tx,
        );
        return row;
      },
    );
    return toCommitteeDto(committee, actor.displayName);
  }

  async listCommittees(actor: Actor, id: string, query: PageQuery): Promise<Page<CommitteeDto>> {
    await this.access.readable(actor, id);
    const rows = await this.repository.listCommittees(id);
    await this.access.auditRead(actor, id, 'committees');
    return slicePage(
      rows.map((c) => toCommitteeDto(c)),
      query,
    );
  }
}

/** The guard context of `sign-agreement`: the amount awarded on acceptance, when there is one. */
function subsidyContext(awardedAmountCents: number | null): { awardedAmountCents?: number } {
  return awardedAmountCents === null ? {} : { awardedAmountCents };
}
