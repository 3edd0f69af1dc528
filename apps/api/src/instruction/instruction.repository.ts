import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CallKind, DossierState, VerdictValue } from '@nec/domain';
import { DataSource } from 'typeorm';
import { BindableRepository } from '../database/transactions.js';
import { UserEntity } from '../users/user.entity.js';
import { DossierMessageEntity } from './dossier-message.entity.js';
import { DossierNoteEntity } from './dossier-note.entity.js';
import { InformationRequestEntity } from './information-request.entity.js';
import { InterviewEntity } from './interview.entity.js';
import type { QueueQuery } from '@nec/contracts';
import {
  overdueSql,
  QUEUE_FROM,
  QUEUE_SORT_COLUMNS,
  queueWhere,
  type QueueScope,
} from './queue-query.js';

export type { QueueScope } from './queue-query.js';

/** One row of the instruction queue, as read in a single query (dossier + organisation + assignee). */
export interface QueueRow {
  id: string;
  reference: string;
  campaignId: string;
  callKind: CallKind;
  state: DossierState;
  title: string | null;
  organisationId: string;
  organisationName: string;
  eventDate: string | null;
  requestedSubsidyCents: number | null;
  awardedAmountCents: number | null;
  submittedAt: Date | null;
  updatedAt: Date;
  regionCodes: string[];
  labelVerdict: VerdictValue | null;
  subsidyVerdict: VerdictValue | 'not-requested' | null;
  assigneeId: string | null;
  assigneeName: string | null;
  hasOverdueRequest: boolean;
}

export interface Recipient {
  email: string;
  displayName: string;
}

/** A message or note with its author's display name (null once the account is deleted). */
export type WithAuthorName<T> = T & { authorName: string | null };

const toNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const toDate = (v: unknown): Date | null =>
  v === null || v === undefined ? null : new Date(v as string);

@Injectable()
export class InstructionRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  // ── queue ─────────────────────────────────────────────────────────────────

  /** One page of the queue: a single query joining the organisation and the assignee. */
  async queuePage(query: QueueQuery, scope: QueueScope): Promise<QueueRow[]> {
    const w = queueWhere(query, scope, true);
    const order = query.order === 'asc' ? 'ASC' : 'DESC';
    const sql = `SELECT d."id", d."reference", d."campaign_id", d."call_kind", d."state", d."title", d."organisation_id",
        o."name" AS "organisation_name", d."event_date"::text AS "event_date", d."requested_subsidy_cents",
        d."awarded_amount_cents", d."submitted_at", d."updated_at", d."region_codes", d."label_verdict",
        d."subsidy_verdict", d."assigned_instructor_id", u."display_name" AS "assignee_name",
        ${overdueSql(w.param(scope.today))} AS "has_overdue_request"
      ${QUEUE_FROM}
      WHERE ${w.sql()}
      ORDER BY ${QUEUE_SORT_COLUMNS[query.sort]} ${order} NULLS LAST, d."reference" ASC
      LIMIT ${w.param(query.pageSize)} OFFSET ${w.param((query.page - 1) * query.pageSize)}`;
    const rows: Record<string, unknown>[] = await this.m().query(sql, w.params);
    return rows.map((r) => ({
      id: r.id as string,
      reference: r.reference as string,
      campaignId: r.campaign_id as string,
      callKind: r.call_kind as CallKind,
      state: r.state as DossierState,
      title: r.title as string | null,
      organisationId: r.organisation_id as string,
      organisationName: r.organisation_name as string,
      eventDate: r.event_date as string | null,
      requestedSubsidyCents: toNumber(r.requested_subsidy_cents),
      awardedAmountCents: toNumber(r.awarded_amount_cents),
      submittedAt: toDate(r.submitted_at),
      updatedAt: toDate(r.updated_at) ?? new Date(0),
      regionCodes: (r.region_codes as string[] | null) ?? [],
      labelVerdict: r.label_verdict as VerdictValue | null,
      subsidyVerdict: r.subsidy_verdict as QueueRow['subsidyVerdict'],
      assigneeId: r.assigned_instructor_id as string | null,
      assigneeName: r.assignee_name as string | null,
      hasOverdueRequest: r.has_overdue_request === true,
    }));
  }

  /** How many dossiers match the filters in each state (the state filter itself left out). */
  async queueCounts(query: QueueQuery, scope: QueueScope): Promise<Map<DossierState, number>> {
    const w = queueWhere(query, scope, false);
    const rows: { state: DossierState; n: number | string }[] = await this.m().query(
      `SELECT d."state", COUNT(*)::int AS "n" ${QUEUE_FROM} WHERE ${w.sql()} GROUP BY d."state"`,
      w.params,
    );
    return new Map(rows.map((r) => [r.state, Number(r.n)]));
  }

  // ── people ────────────────────────────────────────────────────────────────

  findUser(id: string): Promise<Pick<UserEntity, 'id' | 'role' | 'displayName' | 'email'> | null> {
    return this.m()
      .getRepository(UserEntity)
      .findOne({ select: { id: true, role: true, displayName: true, email: true }, where: { id } });
  }

  /** The members of an organisation, who receive the mails about its dossiers. */
  async organisationMembers(organisationId: string): Promise<Recipient[]> {
    const rows: { email: string; display_name: string }[] = await this.m().query(
      `SELECT u."email", u."display_name" FROM "memberships" m JOIN "users" u ON u."id" = m."user_id" WHERE m."organisation_id" = $1 ORDER BY u."email"`,
      [organisationId],
    );
    return rows.map((r) => ({ email: r.email, displayName: r.display_name }));
  }

  // ── assignment ────────────────────────────────────────────────────────────

  async setAssignee(dossierId: string, userId: string | null, now: Date): Promise<void> {
    await this.tx().query(
      `UPDATE "dossiers" SET "assigned_instructor_id" = $1, "updated_at" = $2 WHERE "id" = $3`,
      [userId, now, dossierId],
    );
  }

  /** Assigns the dossier to this account unless someone already has it; true when it did. */
  async assignIfUnassigned(dossierId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx().query(
      `UPDATE "dossiers" SET "assigned_instructor_id" = $1 WHERE "id" = $2 AND "assigned_instructor_id" IS NULL RETURNING "id"`,
      [userId, dossierId],
    );
    return rows.length > 0;
  }

  // ── information requests ──────────────────────────────────────────────────

  async addInformationRequest(
    row: Pick<
      InformationRequestEntity,
      'dossierId' | 'message' | 'dueDate' | 'requestedBy' | 'requestedAt'
    >,
  ): Promise<InformationRequestEntity> {
    const repo = this.tx().getRepository(InformationRequestEntity);
    return repo.save(
      repo.create({
        ...row,
        answeredAt: null,
        answerText: null,
        answeredBy: null,
        answerAttachmentIds: [],
      }),
    );
  }

  /** Locks the dossier's request for the rest of the transaction (it is answered once). */
  findInformationRequestForUpdate(
    id: string,
    dossierId: string,
  ): Promise<InformationRequestEntity | null> {
    return this.tx()
      .getRepository(InformationRequestEntity)
      .findOne({ where: { id, dossierId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Which of these ids are files of this dossier. */
  async attachmentIdsOf(dossierId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await this.tx().query(
      `SELECT "id" FROM "dossier_attachments" WHERE "dossier_id" = $1 AND "id" = ANY($2::uuid[])`,
      [dossierId, ids],
    );
    return rows.map((r) => r.id);
  }

  async answerInformationRequest(
    id: string,
    answer: Pick<
      InformationRequestEntity,
      'answerText' | 'answeredBy' | 'answeredAt' | 'answerAttachmentIds'
    >,
  ): Promise<void> {
    await this.tx().getRepository(InformationRequestEntity).update({ id }, answer);
  }

  listInformationRequests(dossierId: string): Promise<InformationRequestEntity[]> {
    return this.m()
      .getRepository(InformationRequestEntity)
      .find({ where: { dossierId }, order: { requestedAt: 'ASC' } });
  }

  // ── interviews ────────────────────────────────────────────────────────────

  async addInterview(
    row: Pick<InterviewEntity, 'dossierId' | 'scheduledFor' | 'notes' | 'createdBy' | 'createdAt'>,
  ): Promise<InterviewEntity> {
    const repo = this.tx().getRepository(InterviewEntity);
    return repo.save(repo.create(row));
  }

  latestInterview(dossierId: string): Promise<InterviewEntity | null> {
    return this.m()
      .getRepository(InterviewEntity)
      .findOne({ where: { dossierId }, order: { createdAt: 'DESC' } });
  }

  async setInterviewNotes(id: string, notes: string): Promise<void> {
    await this.tx().getRepository(InterviewEntity).update({ id }, { notes });
  }

  // ── messages and notes ────────────────────────────────────────────────────

  async addMessage(
    row: Pick<DossierMessageEntity, 'dossierId' | 'authorId' | 'authorRole' | 'body' | 'createdAt'>,
  ): Promise<DossierMessageEntity> {
    const repo = this.tx().getRepository(DossierMessageEntity);
    return repo.save(repo.create(row));
  }

  async listMessages(dossierId: string): Promise<WithAuthorName<DossierMessageEntity>[]> {
    const rows = await this.m()
      .getRepository(DossierMessageEntity)
      .find({ where: { dossierId }, relations: { author: true }, order: { createdAt: 'ASC' } });
    return rows.map(({ author, ...m }) => ({ ...m, authorName: author?.displayName ?? null }));
  }

  async addNote(
    row: Pick<DossierNoteEntity, 'dossierId' | 'authorId' | 'body' | 'createdAt'>,
  ): Promise<DossierNoteEntity> {
    const repo = this.tx().getRepository(DossierNoteEntity);
    return repo.save(repo.create(row));
  }

  async listNotes(dossierId: string): Promise<WithAuthorName<DossierNoteEntity>[]> {
    const rows = await this.m()
      .getRepository(DossierNoteEntity)
      .find({ where: { dossierId }, relations: { author: true }, order: { createdAt: 'ASC' } });
    return rows.map(({ author, ...n }) => ({ ...n, authorName: author?.displayName ?? null }));
  }
}
