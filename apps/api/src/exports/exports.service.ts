import { Injectable } from '@nestjs/common';
import {
  catalogueThemeLabels,
  dossierStateLabels,
  verdictValueLabels,
  eventModeLabels,
  organisationCategoryLabels,
  type CatalogueTheme,
} from '@nec/domain';
import { listDepartements, listRegions } from '@nec/domain/territories';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { Clock } from '../clock/clock.js';
import type { QueueScope } from '../instruction/queue-query.js';
import {
  ExportsRepository,
  type BilanExportRow,
  type DossierCursor,
  type DossierExportRow,
  type ExportScope,
} from './exports.repository.js';
import type { BilanExportQuery, DossierExportQuery } from '@nec/contracts';
import type { ExportColumn } from './exports.writers.js';

export type ExportFormat = 'csv' | 'xlsx';

/** What a controller needs to write a file: its name, its columns and the rows, batch by batch. */
export interface ExportSource<R> {
  filename: string;
  sheetName: string;
  columns: readonly ExportColumn<R>[];
  batches: AsyncIterable<R[]>;
}

/** Rows read per database query: the memory an export holds at most (plus the writers' buffers). */
export const EXPORT_BATCH_SIZE = 500;

const regionNames = new Map(listRegions().map((r) => [r.code, r.name]));
const departementNames = new Map(listDepartements().map((d) => [d.code, d.name]));

const label = (labels: Record<string, string>, value: string | null): string | null =>
  value === null ? null : (labels[value] ?? value);

const DOSSIER_COLUMNS: readonly ExportColumn<DossierExportRow>[] = [
  { header: 'Référence', kind: 'text', width: 18, value: (r) => r.reference },
  { header: 'Appel', kind: 'text', width: 30, value: (r) => r.campaignTitle },
  { header: 'État', kind: 'text', width: 22, value: (r) => dossierStateLabels[r.state] },
  { header: 'Structure', kind: 'text', width: 32, value: (r) => r.organisationName },
  { header: 'SIRET', kind: 'text', width: 16, value: (r) => r.siret },
  { header: 'Titre', kind: 'text', width: 40, value: (r) => r.title },
  { header: 'Date de l’événement', kind: 'date', width: 14, value: (r) => r.eventDate },
  {
    header: 'Région',
    kind: 'text',
    width: 26,
    value: (r) => r.regionCodes.map((c) => regionNames.get(c) ?? c).join(', '),
  },
  {
    header: 'Subvention demandée (€)',
    kind: 'euros',
    width: 16,
    value: (r) => r.requestedSubsidyCents,
  },
  { header: 'Montant attribué (€)', kind: 'euros', width: 16, value: (r) => r.awardedAmountCents },
  {
    header: 'Recevabilité du label',
    kind: 'text',
    width: 14,
    value: (r) => label(verdictValueLabels, r.labelVerdict),
  },
  {
    header: 'Recevabilité de la subvention',
    kind: 'text',
    width: 14,
    value: (r) => label(verdictValueLabels, r.subsidyVerdict),
  },
  { header: 'Déposé le', kind: 'datetime', width: 17, value: (r) => r.submittedAt },
  { header: 'Instructeur ou instructrice', kind: 'text', width: 24, value: (r) => r.assigneeName },
];

const BILAN_COLUMNS: readonly ExportColumn<BilanExportRow>[] = [
  { header: 'Référence du dossier', kind: 'text', width: 18, value: (r) => r.reference },
  { header: 'Structure', kind: 'text', width: 32, value: (r) => r.organisationName },
  { header: 'SIRET', kind: 'text', width: 16, value: (r) => r.siret },
  { header: 'Appel', kind: 'text', width: 30, value: (r) => r.campaignTitle },
  { header: 'Année', kind: 'integer', width: 8, value: (r) => r.year },
  { header: 'Date de l’événement', kind: 'date', width: 14, value: (r) => r.eventDate },
  {
    header: 'Région',
    kind: 'text',
    width: 26,
    value: (r) => (r.regionCode === null ? null : (regionNames.get(r.regionCode) ?? r.regionCode)),
  },
  {
    header: 'Département',
    kind: 'text',
    width: 22,
    value: (r) =>
      r.departementCode === null
        ? null
        : (departementNames.get(r.departementCode) ?? r.departementCode),
  },
  {
    header: 'Modalité',
    kind: 'text',
    width: 14,
    value: (r) => label(eventModeLabels, r.eventMode),
  },
  {
    header: 'Catégorie du porteur',
    kind: 'text',
    width: 26,
    value: (r) => label(organisationCategoryLabels, r.porteurCategory),
  },
  { header: 'Participants', kind: 'integer', width: 12, value: (r) => r.attendees },
  { header: 'Structures représentées', kind: 'integer', width: 12, value: (r) => r.structures },
  { header: 'Intervenants', kind: 'integer', width: 12, value: (r) => r.speakers },
  { header: 'Intervenantes (femmes)', kind: 'integer', width: 12, value: (r) => r.womenSpeakers },
  { header: 'Intervenants (hommes)', kind: 'integer', width: 12, value: (r) => r.menSpeakers },
  { header: 'Ateliers', kind: 'integer', width: 10, value: (r) => r.workshops },
  { header: 'Dépenses (€)', kind: 'euros', width: 14, value: (r) => r.expensesCents },
  { header: 'Subvention (€)', kind: 'euros', width: 14, value: (r) => r.subsidyCents },
  {
    header: 'Thématiques',
    kind: 'text',
    width: 40,
    value: (r) =>
      r.themes
        .map((t) =>
          Object.hasOwn(catalogueThemeLabels, t) ? catalogueThemeLabels[t as CatalogueTheme] : t,
        )
        .join(', '),
  },
  { header: 'Bilan déposé le', kind: 'datetime', width: 17, value: (r) => r.submittedAt },
];

/**
 * Reads the first batch now, so that a database failure is answered with a proper error before
 * anything is written; the rest is read while the file is written.
 */
async function primed<R>(batches: AsyncGenerator<R[]>): Promise<AsyncIterable<R[]>> {
  const first = await batches.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* batches;
  })();
}

/**
 * Exports of the instruction queue and of the submitted bilans, for instructors (the campaigns
 * they instruct, as in the queue) and admins (everything). Each export is audited with its
 * filters, then read in batches of `EXPORT_BATCH_SIZE` while it is written.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly repository: ExportsRepository,
    private readonly campaigns: CampaignsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async campaignScope(actor: Actor): Promise<ExportScope> {
    return {
      campaignIds:
        actor.role === 'admin' ? null : await this.campaigns.campaignIdsInstructedBy(actor.id),
    };
  }

  async dossiers(
    actor: Actor,
    query: DossierExportQuery,
    format: ExportFormat,
  ): Promise<ExportSource<DossierExportRow>> {
    const scope: QueueScope = { ...(await this.campaignScope(actor)), today: this.clock.today() };
    await this.audit.record({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'export.dossiers',
      subjectType: 'dossier',
      subjectId: null,
      details: { format, filters: query },
    });
    return {
      filename: `dossiers-${this.clock.today()}.${format}`,
      sheetName: 'Dossiers',
      columns: DOSSIER_COLUMNS,
      batches: await primed(this.dossierBatches(query, scope)),
    };
  }

  async bilans(
    actor: Actor,
    query: BilanExportQuery,
    format: ExportFormat,
  ): Promise<ExportSource<BilanExportRow>> {
    const scope = await this.campaignScope(actor);
    await this.audit.record({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'export.bilans',
      subjectType: 'bilan',
      subjectId: null,
      details: { format, filters: query },
    });
    return {
      filename: `bilans-${this.clock.today()}.${format}`,
      sheetName: 'Bilans',
      columns: BILAN_COLUMNS,
      batches: await primed(this.bilanBatches(query, scope)),
    };
  }

  private async *dossierBatches(
    query: DossierExportQuery,
    scope: QueueScope,
  ): AsyncGenerator<DossierExportRow[]> {
    let after: DossierCursor | null = null;
    for (;;) {
      const rows = await this.repository.dossierBatch(query, scope, after, EXPORT_BATCH_SIZE);
      if (rows.length > 0) yield rows;
      if (rows.length < EXPORT_BATCH_SIZE) return;
      const last = rows[rows.length - 1]!;
      after = { sortKey: last.sortKey, reference: last.reference };
    }
  }

  private async *bilanBatches(
    query: BilanExportQuery,
    scope: ExportScope,
  ): AsyncGenerator<BilanExportRow[]> {
    let after: string | null = null;
    for (;;) {
      const rows = await this.repository.bilanBatch(query, scope, after, EXPORT_BATCH_SIZE);
      if (rows.length > 0) yield rows;
      if (rows.length < EXPORT_BATCH_SIZE) return;
      after = rows[rows.length - 1]!.reference;
    }
  }
}
