import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  eligibilitySchema,
  type DossierState,
  type Eligibility,
  type UploadedFile,
} from '@nec/domain';
import { DataSource } from 'typeorm';
import { BindableRepository } from '../database/transactions.js';
import type { OrganisationEntity } from '../organisations/organisation.entity.js';
import { CharterAcceptanceEntity } from './charter-acceptance.entity.js';
import { DossierTransitionEntity } from './dossier-transition.entity.js';
import { DossierVersionEntity } from './dossier-version.entity.js';
import { DossierEntity } from './dossier.entity.js';

/** Columns copied out of the content for listing and filtering. */
export interface DerivedColumns {
  title: string | null;
  eventDate: string | null;
  requestedSubsidyCents: number | null;
}

/** Columns a state change may write with the new state. */
export type StatePatch = Partial<
  Omit<
    DossierEntity,
    | 'id'
    | 'reference'
    | 'state'
    | 'version'
    | 'content'
    | 'campaign'
    | 'organisation'
    | 'creator'
    | 'createdAt'
    | 'updatedAt'
  >
>;

export type NewDossier = Pick<
  DossierEntity,
  'campaignId' | 'organisationId' | 'callKind' | 'createdBy'
>;
export type NewTransition = Pick<
  DossierTransitionEntity,
  'dossierId' | 'event' | 'fromState' | 'toState' | 'actorId' | 'actorRole' | 'details' | 'at'
>;

/**
 * What a list shows of a dossier: everything but the content, which can weigh kilobytes per
 * dossier and is only read when one dossier is opened.
 */
export type DossierSummaryRow = Pick<
  DossierEntity,
  | 'id'
  | 'reference'
  | 'campaignId'
  | 'organisationId'
  | 'callKind'
  | 'state'
  | 'title'
  | 'version'
  | 'eventDate'
  | 'requestedSubsidyCents'
  | 'createdAt'
  | 'updatedAt'
  | 'submittedAt'
> & { organisation: Pick<OrganisationEntity, 'name'> };

/**
 * Lists come out of the database as one JSON array (`json_agg`) rather than one row per dossier:
 * the row-by-row decoding, not the query, was most of the cost of a list (see bench/api).
 */
const SUMMARIES_SELECT = `
  SELECT coalesce(json_agg(json_build_object(
           'id', d.id, 'reference', d.reference, 'campaignId', d.campaign_id,
           'organisationId', d.organisation_id, 'callKind', d.call_kind, 'state', d.state,
           'title', d.title, 'version', d.version, 'eventDate', d.event_date,
           'requestedSubsidyCents', d.requested_subsidy_cents, 'createdAt', d.created_at,
           'updatedAt', d.updated_at, 'submittedAt', d.submitted_at,
           'organisation', json_build_object('name', o.name))`;

type SummaryJson = Jsonified<DossierSummaryRow>;

function fromSummaryJson(row: SummaryJson): DossierSummaryRow {
  return {
    ...row,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    submittedAt: row.submittedAt === null ? null : new Date(row.submittedAt),
  };
}

/** Which slice of a list to read. */
export interface PageWindow {
  limit: number;
  offset: number;
}

export interface SummaryPage {
  rows: DossierSummaryRow[];
  total: number;
}

/** The latest charter acceptance, the history and the submitted versions of a dossier. */
export interface DossierRecord {
  charterAcceptance: Pick<
    CharterAcceptanceEntity,
    'charterId' | 'charterVersion' | 'acceptedAt' | 'userId'
  > | null;
  history: Pick<
    DossierTransitionEntity,
    'event' | 'fromState' | 'toState' | 'actorRole' | 'at' | 'details'
  >[];
  versions: Pick<DossierVersionEntity, 'number' | 'submittedAt'>[];
  /** The verdict frozen with the latest submitted version (null: never submitted). */
  frozen: Pick<DossierVersionEntity, 'number' | 'submittedAt' | 'eligibility'> | null;
  /** The latest interview (notes are for staff: the DTO drops them for applicants). */
  interview: { scheduledFor: string; notes: string | null } | null;
  /** The grant agreement, once generated. */
  agreement: { amountCents: number; validUntil: string; signedOn: string | null } | null;
}

/** Dates come out of `json_build_object` as ISO strings. */
type Jsonified<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};
interface RecordRow {
  charter: Jsonified<NonNullable<DossierRecord['charterAcceptance']>> | null;
  history: Jsonified<DossierRecord['history'][number]>[] | null;
  versions: Jsonified<DossierRecord['versions'][number]>[] | null;
  frozen: Jsonified<NonNullable<DossierRecord['frozen']>> | null;
  interview: DossierRecord['interview'];
  agreement: DossierRecord['agreement'];
}

@Injectable()
export class DossiersRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The next human reference for a year, from the database sequence. */
  async nextReference(year: number): Promise<string> {
    const rows: { n: string | number }[] = await this.m().query(
      `SELECT nextval('dossier_reference_seq') AS n`,
    );
    return `NEC-${year}-${String(rows[0]?.n ?? 0).padStart(5, '0')}`;
  }

  async create(dossier: NewDossier & { reference: string }): Promise<DossierEntity> {
    const repo = this.tx().getRepository(DossierEntity);
    return repo.save(
      repo.create({
        ...dossier,
        state: 'draft',
        content: {},
        title: null,
        eventDate: null,
        requestedSubsidyCents: null,
        submittedAt: null,
      }),
    );
  }

  /** One dossier with its organisation (a plain join: `findOne` with a relation costs two queries). */
  findById(id: string): Promise<DossierEntity | null> {
    return this.m()
      .getRepository(DossierEntity)
      .createQueryBuilder('dossier')
      .leftJoinAndSelect('dossier.organisation', 'organisation')
      .where('dossier.id = :id', { id })
      .getOne();
  }

  /** Locks the row for the rest of the transaction (state changes are serialised per dossier). */
  findForUpdate(id: string): Promise<DossierEntity | null> {
    return this.tx()
      .getRepository(DossierEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Saves the draft only if nobody saved since `expectedVersion` (optimistic lock); returns the
   * new version, or null when the version has moved on.
   */
  async saveDraft(
    id: string,
    expectedVersion: number,
    content: Record<string, unknown>,
    derived: DerivedColumns,
    now: Date,
  ): Promise<{ version: number; updatedAt: Date } | null> {
    const result = await this.m()
      .createQueryBuilder()
      .update(DossierEntity)
      .set({
        content: () => ':content::jsonb',
        ...derived,
        version: () => 'version + 1',
        updatedAt: now,
      })
      .setParameter('content', JSON.stringify(content))
      .where('id = :id AND version = :expectedVersion AND state = :state', {
        id,
        expectedVersion,
        state: 'draft',
      })
      .returning(['version', 'updatedAt'])
      .execute();
    const rows = result.raw as { version: number; updated_at: Date }[];
    const row = rows[0];
    return row ? { version: row.version, updatedAt: row.updated_at } : null;
  }

  async changeState(
    id: string,
    toState: DossierState,
    patch: StatePatch,
    now: Date,
  ): Promise<void> {
    await this.tx()
      .createQueryBuilder()
      .update(DossierEntity)
      .set({ state: toState, ...patch, version: () => 'version + 1', updatedAt: now })
      .where('id = :id', { id })
      .execute();
  }

  async addTransition(transition: NewTransition): Promise<void> {
    const repo = this.tx().getRepository(DossierTransitionEntity);
    await repo.save(repo.create(transition));
  }

  async addVersion(version: Omit<DossierVersionEntity, 'id' | 'dossier'>): Promise<void> {
    const repo = this.tx().getRepository(DossierVersionEntity);
    await repo.save(repo.create(version));
  }

  async countVersions(dossierId: string): Promise<number> {
    return this.tx().getRepository(DossierVersionEntity).countBy({ dossierId });
  }

  /**
   * What a dossier's page shows beside its content (latest charter acceptance, history, submitted
   * versions) in one round trip: it is read on every opening of a dossier.
   */
  async findRecord(dossierId: string): Promise<DossierRecord> {
    const rows: RecordRow[] = await this.m().query(
      `SELECT
         (SELECT json_build_object('charterId', c.charter_id, 'charterVersion', c.charter_version,
                                   'acceptedAt', c.accepted_at, 'userId', c.user_id)
            FROM charter_acceptances c WHERE c.dossier_id = $1
           ORDER BY c.accepted_at DESC LIMIT 1) AS charter,
         (SELECT coalesce(json_agg(json_build_object('event', t.event, 'fromState', t.from_state,
                   'toState', t.to_state, 'actorRole', t.actor_role, 'at', t.at,
                   'details', t.details) ORDER BY t.at), '[]'::json)
            FROM dossier_transitions t WHERE t.dossier_id = $1) AS history,
         (SELECT coalesce(json_agg(json_build_object('number', v.number,
                   'submittedAt', v.submitted_at) ORDER BY v.number), '[]'::json)
            FROM dossier_versions v WHERE v.dossier_id = $1) AS versions,
         (SELECT json_build_object('number', v.number, 'submittedAt', v.submitted_at,
                                   'eligibility', v.eligibility)
            FROM dossier_versions v WHERE v.dossier_id = $1
           ORDER BY v.number DESC LIMIT 1) AS frozen,
         (SELECT json_build_object('scheduledFor', i.scheduled_for, 'notes', i.notes)
            FROM interviews i WHERE i.dossier_id = $1
           ORDER BY i.created_at DESC LIMIT 1) AS interview,
         (SELECT json_build_object('amountCents', a.amount_cents, 'validUntil', a.valid_until,
                                   'signedOn', a.signed_on)
            FROM agreements a WHERE a.dossier_id = $1) AS agreement`,
      [dossierId],
    );
    const row = rows[0];
    const charter = row?.charter ?? null;
    return {
      charterAcceptance: charter ? { ...charter, acceptedAt: new Date(charter.acceptedAt) } : null,
      history: (row?.history ?? []).map((h) => ({ ...h, at: new Date(h.at) })),
      versions: (row?.versions ?? []).map((v) => ({
        number: v.number,
        submittedAt: new Date(v.submittedAt),
      })),
      frozen: row?.frozen ? { ...row.frozen, submittedAt: new Date(row.frozen.submittedAt) } : null,
      interview: row?.interview ?? null,
      agreement: row?.agreement ?? null,
    };
  }

  /** The eligibility frozen with the latest submitted version, or null when never submitted. */
  async frozenEligibility(dossierId: string): Promise<Eligibility | null> {
    const version = await this.m()
      .getRepository(DossierVersionEntity)
      .findOne({ where: { dossierId }, order: { number: 'DESC' }, select: { eligibility: true } });
    return version ? eligibilitySchema.parse(version.eligibility) : null;
  }

  async addCharterAcceptance(
    acceptance: Omit<CharterAcceptanceEntity, 'id' | 'dossier'>,
  ): Promise<CharterAcceptanceEntity> {
    const repo = this.tx().getRepository(CharterAcceptanceEntity);
    return repo.save(repo.create(acceptance));
  }

  latestCharterAcceptance(dossierId: string): Promise<CharterAcceptanceEntity | null> {
    return this.m()
      .getRepository(CharterAcceptanceEntity)
      .findOne({ where: { dossierId }, order: { acceptedAt: 'DESC' } });
  }

  /** Summaries of the dossiers of a member's organisations, newest first. */
  /** One page of the dossiers of the organisations the user acts for, latest change first. */
  async listForMember(userId: string, page: PageWindow): Promise<SummaryPage> {
    return this.summaryPage(
      `FROM dossiers d
         JOIN memberships m ON m.organisation_id = d.organisation_id AND m.user_id = $1`,
      'd.updated_at DESC, d.id',
      [userId],
      page,
    );
  }

  /** One page of the submitted (non-draft) dossiers of some campaigns, or of all (null). */
  async listSubmitted(campaignIds: string[] | null, page: PageWindow): Promise<SummaryPage> {
    if (campaignIds?.length === 0) return { rows: [], total: 0 };
    return this.summaryPage(
      `FROM dossiers d
        WHERE d.state <> 'draft' AND ($1::text[] IS NULL OR d.campaign_id = ANY($1::text[]))`,
      'd.submitted_at DESC, d.id',
      [campaignIds],
      page,
    );
  }

  /**
   * A page of summaries and the count of all matching dossiers, in one round trip: the page is
   * cut in a sub-query, then aggregated as JSON with its organisation's name.
   */
  private async summaryPage(
    from: string,
    orderBy: string,
    params: unknown[],
    page: PageWindow,
  ): Promise<SummaryPage> {
    const n = params.length;
    const rows: { items: SummaryJson[]; total: number }[] = await this.m().query(
      `WITH matching AS (SELECT d.* ${from}),
            paged AS (SELECT d.* FROM matching d ORDER BY ${orderBy} LIMIT $${n + 1} OFFSET $${n + 2})
       ${SUMMARIES_SELECT} ORDER BY ${orderBy}), '[]'::json) AS items,
              (SELECT count(*)::int FROM matching) AS total
         FROM paged d JOIN organisations o ON o.id = d.organisation_id`,
      [...params, page.limit, page.offset],
    );
    return {
      rows: (rows[0]?.items ?? []).map(fromSummaryJson),
      total: Number(rows[0]?.total ?? 0),
    };
  }

  /** Facts fixed at submission for the instruction queue (régions, verdicts), see `instruction/submission-facts.ts`. */
  async setSubmissionFacts(
    id: string,
    facts: Pick<DossierEntity, 'regionCodes' | 'labelVerdict' | 'subsidyVerdict'>,
  ): Promise<void> {
    await this.tx().query(
      `UPDATE "dossiers" SET "region_codes" = $1, "label_verdict" = $2, "subsidy_verdict" = $3 WHERE "id" = $4`,
      [facts.regionCodes, facts.labelVerdict, facts.subsidyVerdict, id],
    );
  }

  /**
   * The files uploaded for a dossier, to check the documents a submission lists. A plain read of
   * the attachments table: that feature depends on this one, not the other way round.
   */
  async uploadedFilesOf(dossierId: string): Promise<UploadedFile[]> {
    const rows: { id: string; kind: string; scan_status: string }[] = await this.tx().query(
      'SELECT id, kind, scan_status FROM dossier_attachments WHERE dossier_id = $1',
      [dossierId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      rejected: r.scan_status === 'infected' || r.scan_status === 'error',
    }));
  }
}
