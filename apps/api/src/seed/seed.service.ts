import { Inject, Injectable, type INestApplicationContext } from '@nestjs/common';
import {
  addDays,
  addMonths,
  applyTransition,
  campaignCharterRef,
  campaigns as datedCampaigns,
  describeIssues,
  dossierSchemas,
  dossierSummaryOf,
  evaluateEligibility,
  exampleNecLocalDossier,
  isValidSiret,
  permanentNecLocalCampaign,
  sirenOf,
  toIsoDate,
  type DossierState,
  type IsoDate,
  type NecLocalCampaign,
  type NecLocalDossier,
  type Role,
  type TransitionContext,
  type WorkflowEvent,
} from '@nec/domain';
import { INVITATION_VALIDITY_DAYS } from '@nec/contracts';
import { AuditService } from '../audit/audit.service.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { randomToken, sha256 } from '../auth/tokens.js';
import { seedNationalEditions } from '../bilans/national-editions.seed.js';
import { CampaignsRepository } from '../campaigns/campaigns.repository.js';
import { Clock } from '../clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { submissionFactsOf } from '../instruction/submission-facts.js';
import { UsersRepository } from '../users/users.repository.js';
import {
  demoAccounts,
  demoInvitation,
  demoJoinRequest,
  DEMO_TOTP_SECRET,
  demoOrganisations,
  type DemoAccount,
  type DemoOrganisation,
} from './demo-accounts.js';
import { SeedRepository, type SeedTransition } from './seed.repository.js';
import { seedBilanHistory, type SeedOptions } from './seed-history.js';
import { Transactions, type Tx } from '../database/transactions.js';
import { InstructionRepository } from '../instruction/instruction.repository.js';

/** What the seed did: nothing on a database that already has accounts, else what it created. */
export type SeedReport =
  | { status: 'skipped' }
  | {
      status: 'seeded';
      openCampaignId: string;
      campaigns: { id: string; title: string }[];
      organisations: { name: string; siret: string }[];
      dossiers: { reference: string; state: DossierState; title: string | null }[];
    };

type AccountKey = DemoAccount['key'];
type OrganisationKey = DemoOrganisation['key'];

/** A step of a dossier's life after its creation, fired by the applicant or the instructor. */
interface Step {
  event: WorkflowEvent;
  by: 'applicant' | 'instructor';
  /** What the step says (refusal reason, message…): passed to the workflow and kept in the history. */
  says?: Pick<TransitionContext, 'reason' | 'message' | 'awardedAmountCents'>;
}

/** A demo dossier: whose it is, how far it is filled in, and what happened to it. */
interface DossierPlan {
  organisation: OrganisationKey;
  fill: 'empty' | 'partial' | 'complete';
  title?: string;
  /** When it was created, as a fraction of the campaign's submission window (0 = opening day). */
  createdAt: number;
  steps: Step[];
}

const submit: Step = { event: 'submit', by: 'applicant' };
const takeForReview: Step = { event: 'take-for-review', by: 'instructor' };

/** One dossier per state the demo shows, for the open NEC local campaign. */
const dossierPlans: DossierPlan[] = [
  { organisation: 'association', fill: 'empty', createdAt: 0.95, steps: [] },
  {
    organisation: 'epci',
    fill: 'partial',
    title: 'Forum du numérique responsable du Val Fictif',
    createdAt: 0.8,
    steps: [],
  },
  {
    organisation: 'association',
    fill: 'complete',
    title: 'Les Octets en fête — NEC local solidaire',
    createdAt: 0.75,
    steps: [submit],
  },
  {
    organisation: 'epci',
    fill: 'complete',
    title: 'Rencontres numériques du Val Fictif',
    createdAt: 0.6,
    steps: [submit, takeForReview],
  },
  {
    organisation: 'association',
    fill: 'complete',
    title: 'Médiation numérique en itinérance',
    createdAt: 0.5,
    steps: [
      submit,
      takeForReview,
      {
        event: 'request-information',
        by: 'instructor',
        says: {
          message:
            'Précisez la répartition des frais de programmation et joignez le devis de la salle.',
        },
      },
    ],
  },
  {
    organisation: 'epci',
    fill: 'complete',
    title: 'Les Communs en partage — NEC local du Val Fictif',
    createdAt: 0.3,
    steps: [
      submit,
      takeForReview,
      { event: 'accept', by: 'instructor', says: { awardedAmountCents: 500_000 } },
    ],
  },
  {
    organisation: 'association',
    fill: 'complete',
    title: 'Journée des communs numériques des Octets',
    createdAt: 0.2,
    steps: [
      submit,
      takeForReview,
      {
        event: 'refuse',
        by: 'instructor',
        says: {
          reason:
            'Le projet n’associe aucun lieu de médiation numérique du territoire à sa programmation ; il pourra être présenté de nouveau une fois ces partenariats construits.',
        },
      },
    ],
  },
  {
    organisation: 'epci',
    fill: 'complete',
    title: 'Hackathon citoyen du Val Fictif',
    createdAt: 0.1,
    steps: [
      submit,
      {
        event: 'withdraw',
        by: 'applicant',
        says: { reason: 'L’événement est reporté à l’an prochain.' },
      },
    ],
  },
];

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Loads the demonstration data on an empty database: the campaigns of the domain (three dated
 * ones, closed by now, this year's permanent NEC local call, open, and next year's, open from
 * September), one account per role and a volunteer,
 * two structures for the applicant (with an invitation and a request to join waiting) and a
 * dossier in each state of the open call, with a history
 * the domain's workflow accepts step by step. On a database that has accounts it does nothing.
 */
@Injectable()
export class SeedService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: SeedRepository,
    private readonly instruction: InstructionRepository,
    private readonly users: UsersRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(options: SeedOptions = {}): Promise<SeedReport> {
    // The demo accounts' password is printed in the README: never in production.
    if (this.config.NODE_ENV === 'production') throw new DemoSeedInProductionError();
    if (await this.repository.hasUsers()) return { status: 'skipped' };
    for (const organisation of demoOrganisations) {
      if (!isValidSiret(organisation.siret))
        throw new Error(`SIRET de démonstration invalide : ${organisation.siret}`);
    }
    const now = this.clock.now();
    const open = permanentNecLocalCampaign(now.getUTCFullYear());
    // Next year's call opens in September: from then on, events next year are filed under it.
    const next = permanentNecLocalCampaign(now.getUTCFullYear() + 1);
    const allCampaigns = [...datedCampaigns, open, next];
    // Scrypt is the seed's slowest step: each distinct password is hashed once (the demo
    // accounts share one, published in the README, so a shared hash discloses nothing).
    const passwords = [...new Set(demoAccounts.map((account) => account.password))];
    const hashOf = new Map(
      await Promise.all(passwords.map(async (p) => [p, await this.hasher.hash(p)] as const)),
    );

    const repositories = { seed: this.repository, users: this.users, campaigns: this.campaigns };
    return this.transactions.run(repositories, async ({ seed, users, campaigns }, tx) => {
      const accounts = {} as Record<AccountKey, string>;
      for (const account of demoAccounts) {
        const user = await users.create({
          email: account.email,
          displayName: account.displayName,
          role: account.role,
          passwordHash: hashOf.get(account.password) ?? '',
          emailConfirmedAt: now,
        });
        if (account.role !== 'applicant') {
          // Agents always sign in with a second factor: the demo ones are enrolled already.
          await users.update(user.id, { mfaSecret: DEMO_TOTP_SECRET, mfaEnabledAt: now });
        }
        accounts[account.key] = user.id;
      }

      for (const campaign of allCampaigns) {
        await campaigns.insert(campaign);
        await campaigns.setInstructors(campaign.id, [accounts.instructor]);
      }
      await seedNationalEditions(tx, now);

      const organisations = {} as Record<OrganisationKey, DemoOrganisation & { id: string }>;
      for (const organisation of demoOrganisations) {
        const id = await seed.insertOrganisation({
          siret: organisation.siret,
          siren: sirenOf(organisation.siret),
          name: organisation.name,
          category: organisation.category,
        });
        await seed.addMembership(accounts.applicant, id, 'owner');
        organisations[organisation.key] = { ...organisation, id };
      }
      await this.seedWaitingMemberships(tx, now, accounts, organisations);

      const dossiers: { reference: string; state: DossierState; title: string | null }[] = [];
      for (const plan of dossierPlans) {
        dossiers.push(
          await this.seedDossier(plan, { tx, campaign: open, now, accounts, organisations }),
        );
      }

      if (options.history) {
        await seedBilanHistory(tx, campaigns, {
          applicantId: accounts.applicant,
          instructorId: accounts.instructor,
          now,
          existingCampaignIds: allCampaigns.map((c) => c.id),
        });
      }
      await this.audit.record(
        {
          actorId: null,
          actorRole: 'system',
          action: 'seed.demo-data',
          subjectType: 'database',
          subjectId: null,
          details: { campaigns: allCampaigns.map((c) => c.id), dossiers: dossiers.length },
        },
        tx,
      );
      return {
        status: 'seeded',
        openCampaignId: open.id,
        campaigns: allCampaigns.map((c) => ({ id: c.id, title: c.title })),
        organisations: demoOrganisations.map((o) => ({ name: o.name, siret: o.siret })),
        dossiers,
      };
    });
  }

  /**
   * A request to join and an invitation, both waiting. The invitation's token is thrown away:
   * the link was "mailed" to an address nobody reads; the owner's list shows it all the same.
   */
  private async seedWaitingMemberships(
    tx: Tx,
    now: Date,
    accounts: Record<AccountKey, string>,
    organisations: Record<OrganisationKey, { id: string }>,
  ): Promise<void> {
    const seed = this.repository.in(tx);
    await seed.insertJoinRequest({
      organisationId: organisations[demoJoinRequest.organisation].id,
      requesterId: accounts[demoJoinRequest.requester],
      message: demoJoinRequest.message,
      createdAt: new Date(now.getTime() - 2 * DAY),
    });
    const sentAt = new Date(now.getTime() - DAY);
    await seed.insertInvitation({
      organisationId: organisations[demoInvitation.organisation].id,
      email: demoInvitation.email,
      tokenHash: sha256(randomToken()),
      invitedBy: accounts[demoInvitation.inviter],
      createdAt: sentAt,
      expiresAt: new Date(sentAt.getTime() + INVITATION_VALIDITY_DAYS * DAY),
    });
  }

  private async seedDossier(
    plan: DossierPlan,
    ctx: {
      tx: Tx;
      campaign: NecLocalCampaign;
      now: Date;
      accounts: Record<AccountKey, string>;
      organisations: Record<OrganisationKey, DemoOrganisation & { id: string }>;
    },
  ): Promise<{ reference: string; state: DossierState; title: string | null }> {
    const { tx, campaign, now, accounts } = ctx;
    const organisation = ctx.organisations[plan.organisation];
    const [first, ...instruction] = plan.steps;
    // A draft may have been started any time until now; a dossier to submit, early enough.
    const window = first
      ? submissionWindow(campaign, now)
      : { from: Date.parse(`${campaign.opensOn}T00:00:00Z`), to: now.getTime() - MINUTE };
    const createdAt = new Date(window.from + plan.createdAt * Math.max(0, window.to - window.from));

    // The submission comes a few days after the creation, inside the window, so the event can
    // be held at least `leadTimeMonths` later and before the end of the grant agreement.
    const submittedAt = first
      ? new Date(
          Math.min(
            createdAt.getTime() + 7 * DAY,
            createdAt.getTime() + (window.to - createdAt.getTime()) / 2,
          ),
        )
      : null;
    const submittedOn = submittedAt ? toIsoDate(submittedAt) : null;
    const eventDate = addMonths(
      submittedOn ?? toIsoDate(createdAt),
      campaign.params.leadTimeMonths + 1,
    );
    const content = contentFor(plan, organisation, eventDate, campaign.year);

    const acceptance = submittedAt
      ? {
          userId: accounts.applicant,
          ...charterOf(campaign),
          acceptedAt: new Date(submittedAt.getTime() - 10 * MINUTE),
        }
      : null;
    // As the dossiers feature reads it: the acceptance comes from its own table, not the draft.
    const submittedContent = acceptance
      ? {
          ...content,
          charterAcceptance: {
            charterId: acceptance.charterId,
            version: acceptance.charterVersion,
            acceptedAt: acceptance.acceptedAt.toISOString(),
            acceptedBy: acceptance.userId,
          },
        }
      : content;

    // Replays the history through the domain's state machine: every step must be legal.
    const history: Omit<SeedTransition, 'dossierId'>[] = [
      {
        event: 'create',
        fromState: null,
        toState: 'draft',
        actorId: accounts.applicant,
        actorRole: 'applicant',
        details: {},
        at: createdAt,
      },
    ];
    let state: DossierState = 'draft';
    const informationRequests: {
      message: string;
      dueDate: string;
      requestedBy: string;
      requestedAt: Date;
    }[] = [];
    const steps = first
      ? [
          { step: first, at: submittedAt ?? createdAt },
          ...spread(instruction, submittedAt ?? createdAt, now),
        ]
      : [];
    for (const { step, at } of steps) {
      const today = toIsoDate(at);
      const context: TransitionContext = { today, ...step.says };
      const details: Record<string, unknown> = { ...step.says };
      if (step.event === 'request-information') {
        context.dueDate = laterOf(addDays(today, 21), addDays(toIsoDate(now), 14));
        details.dueDate = context.dueDate;
        // The request itself, as the instructor's action writes it: the applicant sees it on the
        // dossier's page (the history event alone left « aucune demande » beside the state).
        informationRequests.push({
          message: step.says?.message ?? '',
          dueDate: context.dueDate,
          requestedBy: accounts[step.by],
          requestedAt: at,
        });
      }
      if (step.event === 'submit') {
        const parsed = dossierSchemas['nec-local'].submission.safeParse(submittedContent);
        if (!parsed.success)
          throw new Error(
            `Dossier de démonstration incomplet : ${JSON.stringify(describeIssues(parsed.error))}`,
          );
        Object.assign(context, { charterAccepted: true, submissionValid: true });
        details.version = 1;
      }
      const role: Role = step.by;
      const moved = applyTransition(state, step.event, role, context);
      if (!moved.ok)
        throw new Error(
          `Historique de démonstration illégal (${step.event} depuis ${state}) : ${moved.error.message}`,
        );
      history.push({
        event: step.event,
        fromState: state,
        toState: moved.value.to,
        actorId: accounts[step.by],
        actorRole: role,
        details,
        at,
      });
      state = moved.value.to;
    }

    const saves = plan.fill === 'empty' ? 0 : plan.fill === 'partial' ? 3 : 4;
    const lastChange = history[history.length - 1]?.at ?? createdAt;
    const updatedAt =
      plan.fill === 'partial' ? new Date((createdAt.getTime() + now.getTime()) / 2) : lastChange;
    // Frozen at submission, on the day of submission, as the dossiers feature does.
    const eligibility =
      acceptance && submittedOn
        ? evaluateEligibility(submittedContent, campaign, submittedOn)
        : null;
    const seed = this.repository.in(tx);
    const reference = await seed.nextReference(campaign.year);
    const dossierId = await seed.insertDossier({
      reference,
      campaignId: campaign.id,
      organisationId: organisation.id,
      callKind: campaign.callKind,
      state,
      content,
      version: 1 + saves + steps.length,
      ...dossierSummaryOf(campaign.callKind, content),
      createdBy: accounts.applicant,
      createdAt,
      updatedAt,
      submittedAt,
      ...(eligibility ? submissionFactsOf(campaign.callKind, submittedContent, eligibility) : {}),
    });
    for (const transition of history) await seed.insertTransition({ ...transition, dossierId });
    const requests = this.instruction.in(tx);
    for (const request of informationRequests)
      await requests.addInformationRequest({ ...request, dossierId });
    if (acceptance && submittedAt && eligibility) {
      await seed.insertCharterAcceptance({ dossierId, ...acceptance });
      await seed.insertVersion({
        dossierId,
        number: 1,
        content: submittedContent,
        eligibility: { ...eligibility },
        submittedAt,
        submittedBy: accounts.applicant,
      });
    }
    return { reference, state, title: dossierSummaryOf(campaign.callKind, content).title };
  }
}

/** Runs the demo seed in an application (the CLI's, or a test's). */
export class DemoSeedInProductionError extends Error {
  constructor() {
    super(
      'Les données de démonstration ne se chargent jamais en production (NODE_ENV=production) : leurs comptes ont un mot de passe public. Créez le premier administrateur avec `node dist/cli/create-admin.js`.',
    );
  }
}

export function seedDemo(
  app: INestApplicationContext,
  options: SeedOptions = {},
): Promise<SeedReport> {
  return app.get(SeedService, { strict: false }).run(options);
}

/**
 * The instants between which demo dossiers are created and submitted: from the campaign's
 * opening to the last day a dossier can be submitted and still hold its event (lead time plus
 * a month) before the end of the grant agreement — and never after now.
 */
function submissionWindow(campaign: NecLocalCampaign, now: Date): { from: number; to: number } {
  const lastUsefulDay = addMonths(
    campaign.params.agreementEndDate,
    -(campaign.params.leadTimeMonths + 1),
  );
  const from = Date.parse(`${campaign.opensOn}T00:00:00Z`);
  // Only on the campaign's very first minute would `to` fall before `from`.
  const to = Math.max(
    from,
    Math.min(now.getTime() - MINUTE, Date.parse(`${lastUsefulDay}T16:00:00Z`)),
  );
  return { from, to };
}

/** Places the steps evenly between `from` and now, in order (a second apart at least). */
function spread(steps: Step[], from: Date, now: Date): { step: Step; at: Date }[] {
  const span = Math.max(now.getTime() - MINUTE - from.getTime(), (steps.length + 1) * 1000);
  return steps.map((step, index) => ({
    step,
    at: new Date(from.getTime() + ((index + 1) * span) / (steps.length + 1)),
  }));
}

const laterOf = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

function charterOf(campaign: NecLocalCampaign): { charterId: string; charterVersion: string } {
  const ref = campaignCharterRef(campaign);
  if (!ref) throw new Error(`L’appel ${campaign.id} ne nomme pas de charte.`);
  return { charterId: ref.id, charterVersion: ref.version };
}

/** The domain's example dossier, carried by a demo structure, with the event on `eventDate`. */
function completeContent(
  title: string,
  organisation: DemoOrganisation,
  eventDate: IsoDate,
): NecLocalDossier {
  const { charterAcceptance: _fromTheTable, ...example } = exampleNecLocalDossier();
  return {
    ...example,
    title,
    organisers: [
      {
        name: organisation.name,
        siret: organisation.siret,
        category: organisation.category,
        role: 'lead',
        supportsEvent: true,
      },
      ...example.organisers.filter((o) => o.role !== 'lead'),
    ],
    event: { ...example.event, startDate: eventDate },
  };
}

/** Half of the example, with three fields typed wrong (kept as typed, reported as issues). */
function partialContent(
  title: string,
  organisation: DemoOrganisation,
  year: number,
): Record<string, unknown> {
  const example = exampleNecLocalDossier();
  return {
    title,
    objective: example.objective,
    themes: example.themes,
    audiences: { targets: example.audiences.targets, expectedAttendees: 'environ 150' },
    organisers: [
      {
        name: organisation.name,
        siret: '12345678901234',
        category: organisation.category,
        role: 'lead',
        supportsEvent: true,
      },
    ],
    eventMode: example.eventMode,
    event: { startDate: `${year}-02-30` },
    budget: { expenses: example.budget.expenses.slice(0, 2), resources: [] },
    requests: { label: true, subsidy: { requested: true } },
  };
}

function contentFor(
  plan: DossierPlan,
  organisation: DemoOrganisation,
  eventDate: IsoDate,
  year: number,
): Record<string, unknown> {
  switch (plan.fill) {
    case 'empty':
      return {};
    case 'partial':
      return partialContent(plan.title ?? '', organisation, year);
    case 'complete':
      return completeContent(plan.title ?? '', organisation, eventDate);
  }
}
