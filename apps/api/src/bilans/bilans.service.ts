import { Injectable } from '@nestjs/common';
import {
  availableEvents,
  bilanPlanOf,
  dossierEventDates,
  prefilledBilan,
  describeIssues,
  type FieldIssue,
  nationalEditionTotals,
  necLocalBilanDraftSchema,
  necLocalBilanSchema,
} from '@nec/domain';
import { bilanRecordContextOf } from '@nec/domain/territories';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { Clock } from '../clock/clock.js';
import {
  badRequest,
  conflict,
  type FieldError,
  forbidden,
  unprocessable,
} from '../common/errors.js';
import { actsForApplicant } from '../dossiers/dossier-access.policy.js';
import type { DossierEntity } from '../dossiers/dossier.entity.js';
import { DossiersRepository } from '../dossiers/dossiers.repository.js';
import { DossierWorkflowService } from '../dossiers/dossier-workflow.service.js';
import { DossierAccessService } from '../dossiers/dossier-access.service.js';
import type {
  BilanDto,
  DossierStepDto,
  NationalEditionBody,
  NationalEditionDto,
  NationalEditionsDto,
  SavedBilanDto,
  SaveBilanInput,
  SubmitBilanInput,
} from '@nec/contracts';
import { toNationalEditionDto } from './bilans.dto.js';
import { BilansRepository, type BilanRecordFilters } from './bilans.repository.js';
import { Transactions } from '../database/transactions.js';

/** Largest count an `integer` reporting column holds. */
const INT_MAX = 2_147_483_647;

/**
 * Bilans of NEC locals (after the event: mark it held, write the bilan beside the planned
 * figures, submit it; the instruction closes the dossier) and the national editions' figures.
 * Every state change goes through `DossierWorkflowService.fire`, in one transaction.
 */
@Injectable()
export class BilansService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: BilansRepository,
    private readonly dossiers: DossiersRepository,
    private readonly campaigns: CampaignsService,
    private readonly workflow: DossierWorkflowService,
    private readonly access: DossierAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // ── access ────────────────────────────────────────────────────────────────

  /** A NEC local dossier the actor acts on as a member of its structure. */
  private async ownNecLocal(actor: Actor, id: string): Promise<DossierEntity> {
    const { dossier, links } = await this.access.readable(actor, id);
    if (!actsForApplicant(actor, dossier, links))
      throw forbidden('Seuls les membres de la structure peuvent rédiger le bilan.');
    requireNecLocal(dossier);
    return dossier;
  }

  // ── workflow steps ────────────────────────────────────────────────────────

  /** `mark-event-held`: the domain checks that the event's last day has come (422 otherwise). */
  async markEventHeld(actor: Actor, id: string): Promise<DossierStepDto> {
    const { dossier } = await this.access.readable(actor, id);
    requireNecLocal(dossier);
    const event = dossierEventDates(dossier.content);
    const fired = await this.transactions.run((tx) =>
      this.workflow.fire(tx, {
        dossierId: id,
        event: 'mark-event-held',
        actor,
        context: {
          ...(event ? { event } : {}),
          ...(dossier.awardedAmountCents !== null
            ? { awardedAmountCents: dossier.awardedAmountCents }
            : {}),
        },
      }),
    );
    return { id, state: fired.to };
  }

  /** `close`, by the instruction once the bilan is in. */
  async close(actor: Actor, id: string): Promise<DossierStepDto> {
    await this.access.readable(actor, id);
    const fired = await this.transactions.run((tx) =>
      this.workflow.fire(tx, { dossierId: id, event: 'close', actor }),
    );
    return { id, state: fired.to };
  }

  // ── the bilan ─────────────────────────────────────────────────────────────

  /** The bilan, or a new one pre-filled from the dossier (version 0) when none was saved yet. */
  async get(actor: Actor, id: string): Promise<BilanDto> {
    const { dossier } = await this.access.readable(actor, id);
    requireNecLocal(dossier);
    await this.access.auditRead(actor, id, 'bilan');
    const row = await this.repository.findByDossier(id);
    const planned = bilanPlanOf(dossier);
    const bilan = row ? row.content : (prefilledBilan(planned) as Record<string, unknown>);
    return {
      dossierId: id,
      dossierState: dossier.state,
      state: row?.submittedAt ? 'submitted' : 'draft',
      version: row?.version ?? 0,
      planned,
      bilan,
      draftIssues: row?.submittedAt ? [] : draftIssues(bilan),
      updatedAt: row ? row.updatedAt.toISOString() : null,
      submittedAt: row?.submittedAt ? row.submittedAt.toISOString() : null,
      availableEvents: availableEvents(dossier.state, actor.role),
    };
  }

  /**
   * Saves the bilan as typed, invalid fields included (reported, nothing lost), while the
   * dossier waits for it; 409 with the current version and content if someone saved since.
   */
  async save(actor: Actor, id: string, input: SaveBilanInput): Promise<SavedBilanDto> {
    const dossier = await this.ownNecLocal(actor, id);
    if (!availableEvents(dossier.state, 'applicant').includes('submit-bilan')) {
      throw conflict(
        'not-editable',
        'Le bilan se rédige une fois l’événement déclaré comme tenu, et ne se modifie plus après son dépôt.',
      );
    }
    const now = this.clock.now();
    const saved =
      input.version === 0
        ? await this.repository.insertDraft(id, input.content, now)
        : await this.repository.updateDraft(id, input.version, input.content, now);
    if (!saved) {
      const current = await this.repository.findByDossier(id);
      throw versionConflict(current?.version ?? 0, current?.content ?? null);
    }
    return {
      version: saved.version,
      updatedAt: saved.updatedAt.toISOString(),
      draftIssues: draftIssues(input.content),
      unsaved: input.unsaved,
    };
  }

  /**
   * Full validation with `necLocalBilanSchema`, then `submit-bilan` and the bilan frozen with
   * its reporting columns, in one transaction (nothing is written when any step refuses).
   */
  async submit(actor: Actor, id: string, input: SubmitBilanInput): Promise<BilanDto> {
    const dossier = await this.ownNecLocal(actor, id);
    const campaign = await this.campaigns.getCampaign(dossier.campaignId);
    await this.transactions.run({ bilans: this.repository }, async ({ bilans }, tx) => {
      const row = await bilans.findByDossierForUpdate(id);
      if ((row?.version ?? 0) !== input.version)
        throw versionConflict(row?.version ?? 0, row?.content ?? null);
      const event = dossierEventDates(dossier.content);
      await this.workflow.fire(tx, {
        dossierId: id,
        event: 'submit-bilan',
        actor,
        context: event ? { event } : {},
        details: { bilanVersion: input.version + 1 },
      });
      const parsed = necLocalBilanSchema.safeParse(row?.content ?? {});
      if (!parsed.success || !row) {
        throw unprocessable(
          'incomplete-bilan',
          'Le bilan n’est pas complet : complétez les champs signalés avant de le déposer.',
          parsed.success ? [] : describeIssues(parsed.error),
        );
      }
      checkStorageLimits(parsed.data);
      const record = bilanRecordContextOf({ ...dossier, campaignYear: campaign.year });
      if (!record) {
        throw unprocessable(
          'dossier-unreadable',
          'Le dossier ne permet pas de situer l’événement (date, territoire, thèmes) : contactez l’équipe d’instruction.',
        );
      }
      await bilans.submit(row.id, {
        content: parsed.data,
        record,
        submittedAt: this.clock.now(),
        submittedBy: actor.id,
      });
    });
    return this.get(actor, id);
  }

  /** The submitted bilans as the domain's records, for reporting (see `BilansRepository.listRecords`). */
  listRecords(filters: BilanRecordFilters = {}) {
    return this.repository.listRecords(filters);
  }

  // ── national editions ─────────────────────────────────────────────────────

  async listNationalEditions(): Promise<NationalEditionsDto> {
    const rows = await this.repository.listNationalEditions();
    return {
      items: rows.map(({ edition, updatedAt }) => toNationalEditionDto(edition, updatedAt)),
      totals: nationalEditionTotals(rows.map((row) => row.edition)),
    };
  }

  /** Creates or replaces an edition's figures (the year of the body must be the address's). */
  async putNationalEdition(
    actor: Actor,
    year: number,
    body: NationalEditionBody,
  ): Promise<NationalEditionDto> {
    if (body.year !== year) {
      throw badRequest(
        'year-mismatch',
        'L’année du corps de la requête doit être celle de l’adresse.',
        [{ path: 'year', code: 'year-mismatch', message: `Année attendue : ${year}.` }],
      );
    }
    const now = this.clock.now();
    await this.transactions.run({ bilans: this.repository }, async ({ bilans }, tx) => {
      await bilans.upsertNationalEdition(body, { updatedAt: now, updatedBy: actor.id });
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'national-edition.put',
          subjectType: 'national-edition',
          subjectId: String(year),
          details: { city: body.city },
        },
        tx,
      );
    });
    return toNationalEditionDto(body, now);
  }
}

function requireNecLocal(dossier: DossierEntity): void {
  if (dossier.callKind !== 'nec-local') {
    throw unprocessable(
      'bilan-not-applicable',
      'Seuls les NEC locaux rédigent un bilan d’événement sur cette plateforme.',
    );
  }
}

function draftIssues(content: unknown): FieldIssue[] {
  const parsed = necLocalBilanDraftSchema.safeParse(content);
  return parsed.success ? [] : describeIssues(parsed.error);
}

function versionConflict(currentVersion: number, content: Record<string, unknown> | null) {
  return conflict(
    'version-conflict',
    'Ce bilan a été modifié entre-temps (dans un autre onglet ou par une autre personne). Rechargez-le avant d’enregistrer.',
    { currentVersion, content },
  );
}

/** Counts beyond what the reporting columns hold are refused (422) rather than failing in the database. */
function checkStorageLimits(bilan: {
  attendees: number;
  structuresRepresented: number;
  speakers: { total: number };
  formats: { workshops: number };
}): void {
  const counts: [string, number][] = [
    ['attendees', bilan.attendees],
    ['structuresRepresented', bilan.structuresRepresented],
    ['speakers.total', bilan.speakers.total],
    ['formats.workshops', bilan.formats.workshops],
  ];
  const fields: FieldError[] = counts
    .filter(([, value]) => value > INT_MAX)
    .map(([path]) => ({
      path,
      code: 'too_big',
      message: 'Ce nombre est trop grand pour être enregistré : vérifiez la saisie.',
    }));
  if (fields.length > 0)
    throw unprocessable(
      'incomplete-bilan',
      'Certains nombres du bilan sont trop grands : vérifiez la saisie.',
      fields,
    );
}
