import { randomUUID } from 'node:crypto';
import {
  applyTransition,
  campaignCharterRef,
  evaluateEligibility,
  type DossierState,
  type NecLocalCampaign,
  type Role,
  type TransitionContext,
  type WorkflowEvent,
  permanentNecLocalCampaign,
  toIsoDate,
} from '@nec/domain';
import {
  generateBilanHistory,
  historyDossierContent,
  historyEventsPerYear,
  historyRecord,
  type HistoryEvent,
} from '@nec/domain/history';
import { dossierRegionCodesOf } from '@nec/domain/territories';
import type { EntityManager } from 'typeorm';
import type { CampaignsRepository } from '../campaigns/campaigns.repository.js';
import { reportingColumnsOf } from '../bilans/reporting-columns.js';
import {
  type HistoryRows,
  insertHistoryRows,
  nextReferenceNumbers,
} from './seed-history.repository.js';

/**
 * Writes the domain's fictitious history (`@nec/domain/history`) into the database: campaigns,
 * structures, dossiers replayed through the workflow, versions, charter acceptances and bilans.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What the demo seed loads besides its accounts, calls and one dossier per state. */
export interface SeedOptions {
  /** The fictitious history of NEC locals since 2019 with their bilans (the CLI's seed loads it). */
  history?: boolean;
}

export interface HistoryContext {
  applicantId: string;
  instructorId: string;
  now: Date;
  /** Campaigns already in the database (the seed's): a year's permanent call is added only when missing. */
  existingCampaignIds: readonly string[];
  /** Seed of the generator (the demo's: 2019). */
  seed?: number;
}

export interface HistoryReport {
  events: number;
  campaigns: string[];
  organisations: number;
}

interface Step {
  event: WorkflowEvent;
  by: 'applicant' | 'instructor';
  at: Date;
  context: TransitionContext;
}

/** The life of an accepted dossier whose event is over and whose bilan is in, replayed by the domain. */
function stepsOf(
  event: HistoryEvent,
  now: Date,
): { created: Date; submitted: Date; steps: Step[] } {
  const eventStart = Date.parse(`${event.eventDate}T09:00:00Z`);
  const created = new Date(eventStart - 140 * DAY);
  const submitted = new Date(created.getTime() + 7 * DAY);
  const bilanAt = new Date(Math.min(eventStart + 14 * DAY, now.getTime() - HOUR));
  const awarded = event.awardedAmountCents ?? 0;
  const dated = { event: { startDate: event.eventDate } };
  const steps: Step[] = [
    {
      event: 'submit',
      by: 'applicant',
      at: submitted,
      context: { charterAccepted: true, submissionValid: true },
    },
    {
      event: 'take-for-review',
      by: 'instructor',
      at: new Date(submitted.getTime() + 5 * DAY),
      context: {},
    },
    {
      event: 'accept',
      by: 'instructor',
      at: new Date(submitted.getTime() + 25 * DAY),
      context: { awardedAmountCents: awarded },
    },
    ...(awarded > 0
      ? [
          {
            event: 'sign-agreement',
            by: 'instructor',
            at: new Date(submitted.getTime() + 40 * DAY),
            context: { awardedAmountCents: awarded },
          } satisfies Step,
        ]
      : []),
    {
      event: 'mark-event-held',
      by: 'applicant',
      at: new Date(eventStart + 9 * HOUR),
      context: { ...dated, awardedAmountCents: awarded },
    },
    { event: 'submit-bilan', by: 'applicant', at: bilanAt, context: dated },
  ];
  const closeAt = bilanAt.getTime() + 30 * DAY;
  if (closeAt < now.getTime())
    steps.push({ event: 'close', by: 'instructor', at: new Date(closeAt), context: {} });
  return { created, submitted, steps };
}

/**
 * Adds the fictitious history to the demo: {@link historyEventsPerYear} NEC locals a year from
 * 2019 to now (this year's up to a week ago), each with its structure, its dossier (accepted on
 * the year's permanent call, history replayed through the domain's workflow, frozen version and
 * charter acceptance) and its submitted bilan with the reporting columns. Bulk inserts in the
 * caller's transaction.
 */
export async function seedBilanHistory(
  manager: EntityManager,
  campaigns: CampaignsRepository,
  ctx: HistoryContext,
): Promise<HistoryReport> {
  const today = toIsoDate(ctx.now);
  const thisYear = ctx.now.getUTCFullYear();
  const events = generateBilanHistory(
    historyEventsPerYear * (thisYear - 2019 + 1),
    ctx.seed ?? 2019,
    { firstYear: 2019, until: today },
  );

  const campaignOf = new Map<number, NecLocalCampaign>();
  const added: string[] = [];
  const boundCampaigns = campaigns.in(manager);
  for (const year of new Set(events.map((e) => e.year))) {
    const campaign = permanentNecLocalCampaign(year);
    campaignOf.set(year, campaign);
    if (!ctx.existingCampaignIds.includes(campaign.id)) {
      await boundCampaigns.insert(campaign);
      await boundCampaigns.setInstructors(campaign.id, [ctx.instructorId]);
      added.push(campaign.id);
    }
  }

  const rows: HistoryRows = {
    organisations: [],
    dossiers: [],
    transitions: [],
    versions: [],
    charters: [],
    bilans: [],
  };
  const organisationIds = new Map<number, string>();
  const numbers = await nextReferenceNumbers(manager, events.length);
  const actors: Record<'applicant' | 'instructor', string> = {
    applicant: ctx.applicantId,
    instructor: ctx.instructorId,
  };

  events.forEach((event, i) => {
    const campaign = campaignOf.get(event.year);
    if (!campaign) throw new Error(`Pas d’appel pour ${event.year}.`);
    const { created, submitted, steps } = stepsOf(event, ctx.now);
    let organisationId = organisationIds.get(event.organisation.key);
    if (!organisationId) {
      organisationId = randomUUID();
      organisationIds.set(event.organisation.key, organisationId);
      const { name, category, siret, siren } = event.organisation;
      rows.organisations.push({
        id: organisationId,
        name,
        category,
        siret,
        siren,
        createdAt: created,
      });
    }
    const dossierId = randomUUID();
    let state: DossierState = 'draft';
    rows.transitions.push({
      dossierId,
      event: 'create',
      fromState: null,
      toState: 'draft',
      actorId: ctx.applicantId,
      actorRole: 'applicant',
      details: {},
      at: created,
    });
    for (const step of steps) {
      const role: Role = step.by;
      const moved = applyTransition(state, step.event, role, {
        today: toIsoDate(step.at),
        ...step.context,
      });
      if (!moved.ok)
        throw new Error(
          `Historique fictif illégal (${step.event} depuis ${state}) : ${moved.error.message}`,
        );
      const details: Record<string, unknown> =
        step.event === 'accept'
          ? { awardedAmountCents: step.context.awardedAmountCents }
          : step.event === 'submit'
            ? { version: 1 }
            : {};
      rows.transitions.push({
        dossierId,
        event: step.event,
        fromState: state,
        toState: moved.value.to,
        actorId: actors[step.by],
        actorRole: role,
        details,
        at: step.at,
      });
      state = moved.value.to;
    }
    const content = historyDossierContent(event);
    const charter = campaignCharterRef(campaign);
    const acceptedAt = new Date(submitted.getTime() - 10 * 60_000);
    const lastAt = steps[steps.length - 1]?.at ?? submitted;
    const bilanAt = steps.find((s) => s.event === 'submit-bilan')?.at ?? lastAt;
    rows.dossiers.push({
      id: dossierId,
      reference: `NEC-${event.year}-${String(numbers[i] ?? i).padStart(5, '0')}`,
      campaignId: campaign.id,
      organisationId,
      callKind: 'nec-local',
      state,
      title: event.title,
      content: content,
      version: 1 + steps.length,
      eventDate: event.eventDate,
      requestedSubsidyCents: event.awardedAmountCents,
      createdBy: ctx.applicantId,
      createdAt: created,
      updatedAt: lastAt,
      submittedAt: submitted,
      awardedAmountCents: event.awardedAmountCents,
      regionCodes: dossierRegionCodesOf('nec-local', content),
    });
    if (charter)
      rows.charters.push({
        dossierId,
        userId: ctx.applicantId,
        charterId: charter.id,
        charterVersion: charter.version,
        acceptedAt,
      });
    const versionContent = charter
      ? {
          ...content,
          charterAcceptance: {
            charterId: charter.id,
            version: charter.version,
            acceptedAt: acceptedAt.toISOString(),
            acceptedBy: ctx.applicantId,
          },
        }
      : content;
    rows.versions.push({
      dossierId,
      number: 1,
      content: versionContent,
      eligibility: { ...evaluateEligibility(versionContent, campaign, toIsoDate(submitted)) },
      submittedAt: submitted,
      submittedBy: ctx.applicantId,
    });
    rows.bilans.push({
      dossierId,
      content: event.bilan,
      version: 2,
      createdAt: new Date(bilanAt.getTime() - 2 * DAY),
      updatedAt: bilanAt,
      submittedAt: bilanAt,
      submittedBy: ctx.applicantId,
      ...reportingColumnsOf(historyRecord(event)),
    });
  });

  await insertHistoryRows(manager, rows);
  return { events: events.length, campaigns: added, organisations: rows.organisations.length };
}
