import type { QueueQuery } from '@nec/contracts';

/**
 * The SQL of the instruction queue's filters and sort, shared by the queue
 * (`InstructionRepository`) and the exports (`ExportsRepository`) so both select exactly the
 * same dossiers. Tables: `d` = dossiers, `o` = organisations, `u` = the assigned instructor.
 */

/** The queue's filters and sort, without the page. */
export type QueueFilters = Omit<QueueQuery, 'page' | 'pageSize'>;

/** Who the queue is for: every campaign (admins) or only these (instructors). */
export interface QueueScope {
  campaignIds: readonly string[] | null;
  today: string;
}

/** The column each sort orders by (then `d."reference"`, unique, as a tie-breaker). */
export const QUEUE_SORT_COLUMNS: Record<QueueQuery['sort'], string> = {
  submittedAt: 'd."submitted_at"',
  eventDate: 'd."event_date"',
  requestedSubsidy: 'd."requested_subsidy_cents"',
  reference: 'd."reference"',
  updatedAt: 'd."updated_at"',
};

export const QUEUE_FROM = `FROM "dossiers" d
  JOIN "organisations" o ON o."id" = d."organisation_id"
  LEFT JOIN "users" u ON u."id" = d."assigned_instructor_id"`;

/** `%` and `_` typed by the user are searched literally. */
const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Collects SQL conditions and their positional parameters. */
export class Where {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(condition: string): void {
    this.parts.push(condition);
  }

  sql(): string {
    return this.parts.length === 0 ? 'TRUE' : this.parts.join(' AND ');
  }
}

/** Whether the dossier has an unanswered information request past its due date. */
export function overdueSql(today: string): string {
  return `EXISTS (SELECT 1 FROM "information_requests" ir WHERE ir."dossier_id" = d."id" AND ir."answered_at" IS NULL AND ir."due_date" < ${today})`;
}

/** The conditions of the queue; `withState: false` for the counts by state. */
export function queueWhere(query: QueueFilters, scope: QueueScope, withState: boolean): Where {
  const w = new Where();
  w.add(`d."state" <> 'draft'`);
  if (scope.campaignIds) {
    if (scope.campaignIds.length === 0) w.add('FALSE');
    else w.add(`d."campaign_id" IN (${scope.campaignIds.map((id) => w.param(id)).join(', ')})`);
  }
  if (query.campaignId) w.add(`d."campaign_id" = ${w.param(query.campaignId)}`);
  if (withState && query.state)
    w.add(`d."state" IN (${query.state.map((s) => w.param(s)).join(', ')})`);
  if (query.region) w.add(`${w.param(query.region)} = ANY(d."region_codes")`);
  if (query.subsidyMin !== undefined)
    w.add(`d."requested_subsidy_cents" >= ${w.param(query.subsidyMin)}`);
  if (query.subsidyMax !== undefined)
    w.add(`d."requested_subsidy_cents" <= ${w.param(query.subsidyMax)}`);
  if (query.labelVerdict) w.add(`d."label_verdict" = ${w.param(query.labelVerdict)}`);
  if (query.subsidyVerdict) w.add(`d."subsidy_verdict" = ${w.param(query.subsidyVerdict)}`);
  if (query.assignee === 'none') w.add(`d."assigned_instructor_id" IS NULL`);
  else if (query.assignee) w.add(`d."assigned_instructor_id" = ${w.param(query.assignee)}`);
  if (query.eventFrom) w.add(`d."event_date" >= ${w.param(query.eventFrom)}`);
  if (query.eventTo) w.add(`d."event_date" <= ${w.param(query.eventTo)}`);
  if (query.overdue !== undefined)
    w.add(`${query.overdue ? '' : 'NOT '}${overdueSql(w.param(scope.today))}`);
  if (query.q) {
    const p = w.param(likePattern(query.q));
    w.add(
      `(d."reference" ILIKE ${p} OR d."title" ILIKE ${p} OR o."name" ILIKE ${p} OR (d."content"->>'objective') ILIKE ${p})`,
    );
  }
  return w;
}
