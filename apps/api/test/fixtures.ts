import {
  exampleNecLocalDossier,
  luhnCheckDigit,
  type Campaign,
  type DossierState,
  type OrganisationCategory,
  type Role,
} from '@nec/domain';
import type request from 'supertest';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../src/auth/password-hasher.js';
import { CampaignInstructorEntity } from '../src/campaigns/campaign-instructor.entity.js';
import { CampaignsRepository } from '../src/campaigns/campaigns.repository.js';
import { Transactions } from '../src/database/transactions.js';
import { DossierEntity } from '../src/dossiers/dossier.entity.js';
import { MembershipEntity } from '../src/organisations/membership.entity.js';
import { OrganisationEntity } from '../src/organisations/organisation.entity.js';
import { UsersRepository } from '../src/users/users.repository.js';
import type { TestApp } from './harness.js';

export const PASSWORD = 'un mot de passe de test';

/** A signed-in browser: a cookie jar plus the session's CSRF token sent on every write. */
export class Client {
  constructor(
    readonly agent: request.Agent,
    readonly csrfToken: string,
    readonly userId: string,
    readonly role: Role,
  ) {}

  get(path: string) {
    return this.agent.get(path);
  }
  post(path: string, body?: object) {
    return this.agent.post(path).set('X-CSRF-Token', this.csrfToken).send(body);
  }
  put(path: string, body?: object) {
    return this.agent.put(path).set('X-CSRF-Token', this.csrfToken).send(body);
  }
  patch(path: string, body?: object) {
    return this.agent.patch(path).set('X-CSRF-Token', this.csrfToken).send(body);
  }
  delete(path: string, body?: object) {
    return this.agent.delete(path).set('X-CSRF-Token', this.csrfToken).send(body);
  }
}

async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<Client> {
  const agent = t.http();
  const res = await agent.post('/api/auth/sign-in').send({ email, password });
  if (res.status !== 200)
    throw new Error(`sign-in failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  const body = res.body as { csrfToken: string; user: { id: string; role: Role } };
  return new Client(agent, body.csrfToken, body.user.id, body.user.role);
}

/** An applicant who signed up and confirmed their address through the real endpoints. */
export async function applicant(t: TestApp, email: string): Promise<Client> {
  await t
    .http()
    .post('/api/auth/sign-up')
    .send({ email, password: PASSWORD, displayName: email.split('@')[0] })
    .expect(202);
  await t
    .http()
    .post('/api/auth/confirm-email')
    .send({ token: await t.outbox.tokenFor(email) })
    .expect(200);
  return signIn(t, email);
}

/** An ANCT agent, inserted as an admin would create it. */
export async function agent(
  t: TestApp,
  role: Exclude<Role, 'applicant'>,
  email: string,
): Promise<Client> {
  await t.app.get(UsersRepository).create({
    email,
    displayName: role,
    role,
    passwordHash: await t.app.get(PasswordHasher).hash(PASSWORD),
    emailConfirmedAt: new Date(),
  });
  return signIn(t, email);
}

const db = (t: TestApp) => t.app.get(DataSource);

export async function insertCampaign(t: TestApp, campaign: Campaign): Promise<void> {
  const campaigns = t.app.get(CampaignsRepository);
  await t.app.get(Transactions).run({ campaigns }, (bound) => bound.campaigns.insert(campaign));
}

export async function assignInstructor(
  t: TestApp,
  campaignId: string,
  userId: string,
): Promise<void> {
  await db(t).getRepository(CampaignInstructorEntity).insert({ campaignId, userId });
}

let siretCounter = 0;
/** A valid SIRET (Luhn) that no other test uses. */
export function uniqueSiret(): string {
  siretCounter += 1;
  const base =
    `7${String(Date.now() % 1e8).padStart(8, '0')}${String(siretCounter).padStart(4, '0')}`.slice(
      0,
      13,
    );
  return `${base}${luhnCheckDigit(base)}`;
}

export async function insertOrganisation(
  t: TestApp,
  ownerId: string,
  name: string,
  category: OrganisationCategory = 'association',
): Promise<string> {
  const siret = uniqueSiret();
  const org = await db(t)
    .getRepository(OrganisationEntity)
    .save({ siret, siren: siret.slice(0, 9), name, category, communeCode: null });
  await db(t)
    .getRepository(MembershipEntity)
    .insert({ userId: ownerId, organisationId: org.id, role: 'owner' });
  return org.id;
}

let dossierRowCounter = 0;
/**
 * A dossier row written straight into the table (no workflow), to set up a state such as
 * 'under-review' without going through submission and instruction.
 */
export async function insertDossierRow(
  t: TestApp,
  row: {
    campaign: Pick<Campaign, 'id' | 'callKind'>;
    organisationId: string;
    createdBy: string | null;
    state: DossierState;
  },
): Promise<string> {
  dossierRowCounter += 1;
  const saved = await db(t)
    .getRepository(DossierEntity)
    .save({
      reference: `TEST-${Date.now() % 1e6}-${dossierRowCounter}`,
      campaignId: row.campaign.id,
      organisationId: row.organisationId,
      callKind: row.campaign.callKind,
      state: row.state,
      title: 'Dossier inséré pour un test',
      content: {},
      createdBy: row.createdBy,
    });
  return saved.id;
}

/**
 * Makes `invitee` a member of the organisation the way people do: its owner invites the
 * invitee's address, the invitee accepts through the link's token (read from the outbox).
 */
export async function joinByInvitation(
  t: TestApp,
  owner: Client,
  organisationId: string,
  invitee: Client,
  email: string,
): Promise<void> {
  await owner.post(`/api/organisations/${organisationId}/invitations`, { email }).expect(201);
  const token = await t.outbox.tokenFor(email);
  await invitee.post(`/api/invitations/${token}/accept`).expect(200);
}

/** A new session for an existing account (e.g. after moving the test clock past a session's end). */
export function signInAgain(t: TestApp, email: string): Promise<Client> {
  return signIn(t, email);
}

/**
 * A complete NEC local dossier content as an applicant would submit it: the domain's example,
 * with its event on `startDate`, a valid SIRET for the lead organiser, and no charter acceptance
 * (that one is recorded through its own endpoint).
 */
export function completeNecLocalContent(startDate: string): Record<string, unknown> {
  const { charterAcceptance: _recordedElsewhere, ...example } = exampleNecLocalDossier();
  const [lead, ...others] = example.organisers;
  return {
    ...example,
    event: { ...example.event, startDate },
    organisers: [{ ...lead, siret: uniqueSiret() }, ...others],
  };
}
