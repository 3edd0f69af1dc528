import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DossierState } from '@nec/domain';
import { DataSource } from 'typeorm';
import {
  QUEUE_FROM,
  QUEUE_SORT_COLUMNS,
  queueWhere,
  Where,
  type QueueFilters,
  type QueueScope,
} from '../instruction/queue-query.js';
import type { BilanExportQuery } from '@nec/contracts';

/**
 * Reads the exports in batches with keyset pagination (never the whole result at once): each
 * batch continues strictly after the last row of the previous one, in the queue's order.
 *
 * Why not TypeORM's `.stream()`: it needs `pg-query-stream` (a server-side cursor) and holds one
 * connection for the whole download; our embedded driver (PGlite) has a single connection, so a
 * slow download would block every other request. Short batch queries release it in between.
 */

/** Where the previous batch stopped: its last row's sort value (as text, exact) and reference. */
export interface DossierCursor {
  sortKey: string | null;
  reference: string;
}

export interface DossierExportRow {
  reference: string;
  campaignTitle: string;
  state: DossierState;
  organisationName: string;
  siret: string;
  title: string | null;
  eventDate: string | null;
  regionCodes: string[];
  requestedSubsidyCents: number | null;
  awardedAmountCents: number | null;
  labelVerdict: string | null;
  subsidyVerdict: string | null;
  submittedAt: Date | null;
  assigneeName: string | null;
  /** The sort column's value as PostgreSQL prints it, for the next batch's cursor. */
  sortKey: string | null;
}

export interface BilanExportRow {
  reference: string;
  organisationName: string;
  siret: string;
  campaignTitle: string;
  year: number | null;
  eventDate: string | null;
  regionCode: string | null;
  departementCode: string | null;
  eventMode: string | null;
  porteurCategory: string | null;
  attendees: number | null;
  structures: number | null;
  speakers: number | null;
  womenSpeakers: number | null;
  menSpeakers: number | null;
  workshops: number | null;
  expensesCents: number | null;
  subsidyCents: number | null;
  themes: string[];
  submittedAt: Date | null;
}

/** Instructors: only the campaigns they instruct; admins: all (null). */
export interface ExportScope {
  campaignIds: readonly string[] | null;
}

/** The SQL type of each sort column, to compare the cursor's text value exactly. */
const SORT_TYPES: Record<QueueFilters['sort'], string> = {
  submittedAt: 'timestamptz',
  eventDate: 'date',
  requestedSubsidy: 'int',
  reference: 'varchar',
  updatedAt: 'timestamptz',
};

const toNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const toDate = (v: unknown): Date | null =>
  v === null || v === undefined ? null : new Date(v as string);

@Injectable()
export class ExportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The next `limit` dossiers of the queue (same filters, same order: the sort column with
   * NULLs last, then the reference) after `after` (from the start when null).
   */
  async dossierBatch(
    filters: QueueFilters,
    scope: QueueScope,
    after: DossierCursor | null,
    limit: number,
  ): Promise<DossierExportRow[]> {
    const w = queueWhere(filters, scope, true);
    const column = QUEUE_SORT_COLUMNS[filters.sort];
    const direction = filters.order === 'asc' ? 'ASC' : 'DESC';
    if (after) {
      const ref = w.param(after.reference);
      if (after.sortKey === null) {
        w.add(`(${column} IS NULL AND d."reference" > ${ref})`);
      } else {
        const key = `CAST(${w.param(after.sortKey)} AS ${SORT_TYPES[filters.sort]})`;
        const beyond = direction === 'ASC' ? '>' : '<';
        w.add(
          `(${column} ${beyond} ${key} OR (${column} = ${key} AND d."reference" > ${ref}) OR ${column} IS NULL)`,
        );
      }
    }
    const sql = `SELECT d."reference", c."title" AS "campaign_title", d."state", o."name" AS "organisation_name", o."siret",
        d."title", d."event_date"::text AS "event_date", d."region_codes", d."requested_subsidy_cents",
        d."awarded_amount_cents", d."label_verdict", d."subsidy_verdict", d."submitted_at",
        u."display_name" AS "assignee_name", ${column}::text AS "sort_key"
      ${QUEUE_FROM}
      JOIN "campaigns" c ON c."id" = d."campaign_id"
      WHERE ${w.sql()}
      ORDER BY ${column} ${direction} NULLS LAST, d."reference" ASC
      LIMIT ${w.param(limit)}`;
    const rows: Record<string, unknown>[] = await this.dataSource.query(sql, w.params);
    return rows.map((r) => ({
      reference: r.reference as string,
      campaignTitle: r.campaign_title as string,
      state: r.state as DossierState,
      organisationName: r.organisation_name as string,
      siret: r.siret as string,
      title: r.title as string | null,
      eventDate: r.event_date as string | null,
      regionCodes: (r.region_codes as string[] | null) ?? [],
      requestedSubsidyCents: toNumber(r.requested_subsidy_cents),
      awardedAmountCents: toNumber(r.awarded_amount_cents),
      labelVerdict: r.label_verdict as string | null,
      subsidyVerdict: r.subsidy_verdict as string | null,
      submittedAt: toDate(r.submitted_at),
      assigneeName: r.assignee_name as string | null,
      sortKey: r.sort_key as string | null,
    }));
  }

  /** The next `limit` submitted NEC local bilans, by dossier reference, after `afterReference`. */
  async bilanBatch(
    filters: BilanExportQuery,
    scope: ExportScope,
    afterReference: string | null,
    limit: number,
  ): Promise<BilanExportRow[]> {
    const w = new Where();
    w.add(`b."submitted_at" IS NOT NULL`);
    w.add(`d."call_kind" = 'nec-local'`);
    if (scope.campaignIds) {
      if (scope.campaignIds.length === 0) w.add('FALSE');
      else w.add(`d."campaign_id" IN (${scope.campaignIds.map((id) => w.param(id)).join(', ')})`);
    }
    if (filters.campaignId) w.add(`d."campaign_id" = ${w.param(filters.campaignId)}`);
    if (filters.year !== undefined) w.add(`b."year" = ${w.param(filters.year)}`);
    if (filters.region) w.add(`b."region_code" = ${w.param(filters.region)}`);
    if (afterReference !== null) w.add(`d."reference" > ${w.param(afterReference)}`);
    const sql = `SELECT d."reference", o."name" AS "organisation_name", o."siret", c."title" AS "campaign_title",
        b."year", b."event_date"::text AS "event_date", b."region_code", b."departement_code", b."event_mode",
        b."porteur_category", b."attendees", b."structures", b."speakers", b."women_speakers", b."men_speakers",
        b."workshops", b."expenses_cents", b."subsidy_cents", b."themes", b."submitted_at"
      FROM "bilans" b
      JOIN "dossiers" d ON d."id" = b."dossier_id"
      JOIN "organisations" o ON o."id" = d."organisation_id"
      JOIN "campaigns" c ON c."id" = d."campaign_id"
      WHERE ${w.sql()}
      ORDER BY d."reference" ASC
      LIMIT ${w.param(limit)}`;
    const rows: Record<string, unknown>[] = await this.dataSource.query(sql, w.params);
    return rows.map((r) => ({
      reference: r.reference as string,
      organisationName: r.organisation_name as string,
      siret: r.siret as string,
      campaignTitle: r.campaign_title as string,
      year: toNumber(r.year),
      eventDate: r.event_date as string | null,
      regionCode: r.region_code as string | null,
      departementCode: r.departement_code as string | null,
      eventMode: r.event_mode as string | null,
      porteurCategory: r.porteur_category as string | null,
      attendees: toNumber(r.attendees),
      structures: toNumber(r.structures),
      speakers: toNumber(r.speakers),
      womenSpeakers: toNumber(r.women_speakers),
      menSpeakers: toNumber(r.men_speakers),
      workshops: toNumber(r.workshops),
      expensesCents: toNumber(r.expenses_cents),
      subsidyCents: toNumber(r.subsidy_cents),
      themes: (r.themes as string[] | null) ?? [],
      submittedAt: toDate(r.submitted_at),
    }));
  }
}
