import {
  applyTransition,
  campaigns,
  isValidSiret,
  permanentNecLocalCampaign,
  type NecLocalCampaign,
  type DossierState,
  type Role,
  type TransitionContext,
  type WorkflowEvent,
} from '@nec/domain';
import { generate } from 'otplib';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignInstructorEntity } from '../src/campaigns/campaign-instructor.entity.js';
import { CampaignEntity } from '../src/campaigns/campaign.entity.js';
import { CharterAcceptanceEntity } from '../src/dossiers/charter-acceptance.entity.js';
import { DossierTransitionEntity } from '../src/dossiers/dossier-transition.entity.js';
import { DossierVersionEntity } from '../src/dossiers/dossier-version.entity.js';
import { DossierEntity } from '../src/dossiers/dossier.entity.js';
import { OrganisationEntity } from '../src/organisations/organisation.entity.js';
import { UserEntity } from '../src/users/user.entity.js';
import {
  demoAccounts,
  demoOrganisations,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
} from '../src/seed/demo-accounts.js';
import { seedDemo, type SeedReport } from '../src/seed/seed.service.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let first: SeedReport;
const open = permanentNecLocalCampaign(2026);
const next = permanentNecLocalCampaign(2027);
const db = () => t.app.get(DataSource);

async function counts() {
  const m = db().manager;
  return {
    users: await m.count(UserEntity),
    campaigns: await m.count(CampaignEntity),
    organisations: await m.count(OrganisationEntity),
    dossiers: await m.count(DossierEntity),
    transitions: await m.count(DossierTransitionEntity),
  };
}

async function signIn(email: string, password = DEMO_PASSWORD) {
  const http = t.http();
  const res = await http.post('/api/auth/sign-in').send({ email, password });
  return { http, res };
}

/** A demo account's complete session: agents type the code of the published secret. */
async function signedIn(email: string) {
  const { http, res } = await signIn(email);
  if (res.body.mfaPending === 'verify') {
    // A code works once: each sign-in in this file happens 30 s after the previous one.
    t.clock.set(new Date(t.clock.now().getTime() + 30_000).toISOString());
    const code = await generate({
      secret: DEMO_TOTP_SECRET,
      epoch: t.clock.now().getTime() / 1000,
    });
    await http
      .post('/api/auth/mfa/verify')
      .set('X-CSRF-Token', res.body.csrfToken)
      .send({ code })
      .expect(200);
  }
  return { http, res };
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T10:00:00Z');
  first = await seedDemo(t.app);
});
afterAll(async () => {
  await t.close();
});

describe('demo seed', () => {
  it('seeds once, then skips: running it again changes nothing', async () => {
    expect(first.status).toBe('seeded');
    const before = await counts();
    expect(before).toMatchObject({ users: 5, campaigns: 5, organisations: 2, dossiers: 8 });
    expect(await seedDemo(t.app)).toEqual({ status: 'skipped' });
    expect(await counts()).toEqual(before);
  });

  it('creates the documented accounts, who sign in with the documented password', async () => {
    for (const account of demoAccounts) {
      const { res } = await signIn(account.email);
      expect(res.status, account.email).toBe(200);
      expect(res.body.user.role).toBe(account.role);
      expect(res.body.mfaPending).toBe(account.role === 'applicant' ? null : 'verify');
    }
    // The demo agents' second factor answers to the published secret.
    const { http, res } = await signIn('analyste@nec.example');
    const code = await generate({
      secret: DEMO_TOTP_SECRET,
      epoch: t.clock.now().getTime() / 1000,
    });
    await http
      .post('/api/auth/mfa/verify')
      .set('X-CSRF-Token', res.body.csrfToken)
      .send({ code })
      .expect(200);
    expect((await signIn('porteur@nec.example', 'un autre mot de passe')).res.status).toBe(401);
  });

  it('lists the open permanent calls (next year’s opens in September), and the seeds’ calls as closed', async () => {
    const openList = await t.http().get('/api/campaigns').expect(200);
    expect(openList.body.items).toEqual([
      { ...next, status: 'open' },
      { ...open, status: 'open' },
    ]);
    const closed = await t.http().get('/api/campaigns?status=closed').expect(200);
    expect((closed.body.items as { id: string }[]).map((c) => c.id).sort()).toEqual(
      campaigns.map((c) => c.id).sort(),
    );
  });

  it('assigns the instructor to every campaign', async () => {
    const instructor = demoAccounts.find((a) => a.key === 'instructor')!;
    const user = await db().getRepository(UserEntity).findOneByOrFail({ email: instructor.email });
    const rows = await db().getRepository(CampaignInstructorEntity).findBy({ userId: user.id });
    expect(rows.map((r) => r.campaignId).sort()).toEqual(
      [...campaigns.map((c) => c.id), open.id, next.id].sort(),
    );
  });

  it('gives the applicant two fictitious structures with valid SIRETs', async () => {
    const orgs = await db().getRepository(OrganisationEntity).find();
    expect(orgs.map((o) => o.siret).sort()).toEqual(demoOrganisations.map((o) => o.siret).sort());
    for (const org of orgs) {
      expect(isValidSiret(org.siret)).toBe(true);
      expect(org.siren).toBe(org.siret.slice(0, 9));
    }
  });

  it('leaves a request to join and an invitation waiting, for the applicant to answer', async () => {
    const applicant = await signIn('porteur@nec.example');
    const orgs = (await applicant.http.get('/api/organisations/mine').expect(200)).body.items as {
      id: string;
      siret: string;
    }[];
    const idOf = (key: string) =>
      orgs.find((o) => o.siret === demoOrganisations.find((d) => d.key === key)!.siret)!.id;
    const requests = await applicant.http
      .get(`/api/organisations/${idOf('association')}/join-requests`)
      .expect(200);
    expect(requests.body.items).toEqual([
      expect.objectContaining({
        requester: { displayName: 'Camille Bénévole (fictive)', email: 'benevole@nec.example' },
        message: expect.stringContaining('ateliers'),
      }),
    ]);
    const invitations = await applicant.http
      .get(`/api/organisations/${idOf('epci')}/invitations`)
      .expect(200);
    expect(invitations.body.items).toEqual([
      expect.objectContaining({
        email: 'mediatrice.val-fictif@nec.example',
        invitedBy: 'Porteur de projet de démonstration',
        expired: false,
      }),
    ]);
    const volunteer = await signIn('benevole@nec.example');
    const mine = await volunteer.http.get('/api/organisations/join-requests/mine').expect(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ status: 'pending', organisation: expect.any(Object) }),
    ]);
  });

  it('creates one dossier in each state of an application, with references', async () => {
    const dossiers = await db()
      .getRepository(DossierEntity)
      .find({ order: { createdAt: 'ASC' } });
    expect(dossiers.map((d) => d.state).sort()).toEqual(
      [
        'draft',
        'draft',
        'submitted',
        'under-review',
        'information-requested',
        'accepted',
        'refused',
        'withdrawn',
      ].sort(),
    );
    for (const d of dossiers) {
      expect(d.reference).toMatch(/^NEC-2026-\d{5}$/);
      expect(d.campaignId).toBe(open.id);
      expect(d.createdAt.getTime()).toBeLessThanOrEqual(Date.parse('2026-11-23T10:00:00Z'));
      expect(d.submittedAt === null).toBe(d.state === 'draft');
    }
    expect(dossiers.filter((d) => d.state === 'draft').map((d) => d.title)).toContain(null);
  });

  it('gives the dossier awaiting information its open request, as the applicant reads it', async () => {
    const applicant = await signIn('porteur@nec.example');
    const mine = (await applicant.http.get('/api/dossiers').expect(200)).body.items as {
      id: string;
      state: string;
    }[];
    const waiting = mine.find((d) => d.state === 'information-requested')!;
    const requests = await applicant.http
      .get(`/api/dossiers/${waiting.id}/information-requests`)
      .expect(200);
    expect(requests.body.items).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('devis de la salle') as unknown,
        answeredAt: null,
        overdue: false,
      }),
    ]);
  });

  it('writes histories the workflow accepts, step by step', async () => {
    await expectLegalHistories(t);
    const refusal = await db()
      .getRepository(DossierTransitionEntity)
      .findOneByOrFail({ event: 'refuse' });
    expect(refusal.details.reason).toEqual(expect.any(String));
  });

  it('freezes a version, eligible, and a charter acceptance for every submitted dossier', async () => {
    await expectEligibleVersions(t, open);
  });

  it('shows the dossiers through the API: the applicant sees all eight, the instructor the six submitted', async () => {
    const applicant = await signIn('porteur@nec.example');
    const mine = (await applicant.http.get('/api/dossiers').expect(200)).body.items as {
      id: string;
      title: string | null;
      state: string;
    }[];
    expect(mine).toHaveLength(8);

    const half = mine.find((d) => d.title === 'Forum du numérique responsable du Val Fictif')!;
    const detail = await applicant.http.get(`/api/dossiers/${half.id}`).expect(200);
    expect((detail.body.draftIssues as { path: string }[]).map((i) => i.path).sort()).toEqual([
      'audiences.expectedAttendees',
      'event.startDate',
      'organisers.0.siret',
    ]);

    const instructor = await signedIn('instructrice@nec.example');
    const instructed = (await instructor.http.get('/api/dossiers').expect(200)).body
      .items as unknown[];
    expect(instructed).toHaveLength(6);
  });

  it('gives the submitted demo dossiers their frozen verdicts: in the queue and in the record', async () => {
    const instructor = await signedIn('instructrice@nec.example');
    const queue = (await instructor.http.get('/api/instruction/dossiers').expect(200)).body
      .items as { id: string; labelVerdict: string | null; regionCodes: string[] }[];
    expect(queue).toHaveLength(6);
    for (const row of queue) {
      expect(row.labelVerdict).toBe('eligible');
      expect(row.regionCodes.length).toBeGreaterThan(0);
      const record = await instructor.http.get(`/api/dossiers/${row.id}`).expect(200);
      expect(record.body.eligibilityAtSubmission.eligibility.label.verdict).toBe('eligible');
    }
    const filtered = await instructor.http
      .get('/api/instruction/dossiers?labelVerdict=eligible')
      .expect(200);
    expect(filtered.body.total).toBe(6);
  });
});

/** Every dossier's history replays through the domain's state machine and ends in its state. */
async function expectLegalHistories(app: TestApp): Promise<void> {
  const source = app.app.get(DataSource);
  const dossiers = await source.getRepository(DossierEntity).find();
  expect(dossiers).toHaveLength(8);
  for (const dossier of dossiers) {
    const history = await source
      .getRepository(DossierTransitionEntity)
      .find({ where: { dossierId: dossier.id }, order: { at: 'ASC' } });
    expect(history[0]).toMatchObject({ event: 'create', fromState: null, toState: 'draft' });
    expect(history[0]!.at.getTime()).toBeLessThanOrEqual(app.clock.now().getTime());
    let state: DossierState = 'draft';
    for (const step of history.slice(1)) {
      expect(step.fromState).toBe(state);
      expect(step.at.getTime()).toBeLessThanOrEqual(app.clock.now().getTime());
      const context = {
        today: step.at.toISOString().slice(0, 10),
        charterAccepted: true,
        submissionValid: true,
        ...step.details,
      } as TransitionContext;
      const moved = applyTransition(
        state,
        step.event as WorkflowEvent,
        step.actorRole as Role,
        context,
      );
      expect(moved.ok, `${dossier.reference} ${step.event}`).toBe(true);
      if (moved.ok) expect(moved.value.to).toBe(step.toState);
      state = step.toState;
    }
    expect(state).toBe(dossier.state);
  }
}

/** Each submitted dossier has one frozen version, eligible on its submission day, and a charter acceptance. */
async function expectEligibleVersions(app: TestApp, campaign: NecLocalCampaign): Promise<void> {
  const source = app.app.get(DataSource);
  const submitted = (await source.getRepository(DossierEntity).find()).filter(
    (d) => d.state !== 'draft',
  );
  expect(submitted).toHaveLength(6);
  for (const dossier of submitted) {
    expect(dossier.campaignId).toBe(campaign.id);
    const versions = await source
      .getRepository(DossierVersionEntity)
      .findBy({ dossierId: dossier.id });
    expect(versions).toHaveLength(1);
    const eligibility = versions[0]!.eligibility as {
      label: { verdict: string };
      subsidy: { verdict: string };
    };
    expect([dossier.reference, eligibility.label.verdict, eligibility.subsidy.verdict]).toEqual([
      dossier.reference,
      'eligible',
      'eligible',
    ]);
    const acceptances = await source
      .getRepository(CharterAcceptanceEntity)
      .findBy({ dossierId: dossier.id });
    expect(acceptances).toHaveLength(1);
    expect(acceptances[0]).toMatchObject({
      charterId: campaign.params.charter.id,
      charterVersion: campaign.params.charter.version,
    });
  }
}

describe('demo seed on other days', () => {
  // The dossiers' dates follow the clock: whatever the day, the history stays legal and the
  // submitted versions eligible (submitted early enough for the lead time and the agreement).
  it.each(['2026-01-01T00:30:00Z', '2026-04-10T12:00:00Z', '2027-12-31T23:30:00Z'])(
    'on %s',
    async (now) => {
      const other = await startTestApp();
      try {
        other.clock.set(now);
        expect((await seedDemo(other.app)).status).toBe('seeded');
        const campaign = permanentNecLocalCampaign(Number(now.slice(0, 4)));
        const listed = await other.http().get('/api/campaigns').expect(200);
        // Next year's call is listed too once it has opened (1 September).
        expect(listed.body.items).toContainEqual({ ...campaign, status: 'open' });
        await expectLegalHistories(other);
        await expectEligibleVersions(other, campaign);
      } finally {
        await other.close();
      }
    },
  );
});

describe('demo seed in production', () => {
  it('refuses to run, whatever the database holds: its accounts have a public password', async () => {
    const production = await startTestApp({
      NODE_ENV: 'production',
      NEC_WAIVE_POSTGRES: 'true',
      NEC_WAIVE_SMTP: 'true',
      NEC_WAIVE_SCANNER: 'true',
      NEC_MFA_REQUIRED_FOR_AGENTS: 'true',
      NEC_PASSWORD_SCRYPT_COST: '15',
    });
    try {
      await expect(seedDemo(production.app)).rejects.toThrow(/jamais en production/);
      expect(await production.app.get(DataSource).manager.count(UserEntity)).toBe(0);
    } finally {
      await production.close();
    }
  });
});
