import { permanentNecLocalCampaign, type Campaign } from '@nec/domain';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryEntity } from '../src/audit/audit-entry.entity.js';
import { DossierEntity } from '../src/dossiers/dossier.entity.js';
import { MembershipEntity } from '../src/organisations/membership.entity.js';
import { OrganisationEntity } from '../src/organisations/organisation.entity.js';
import { UserEntity } from '../src/users/user.entity.js';
import {
  agent,
  applicant,
  insertCampaign,
  insertDossierRow,
  joinByInvitation,
  PASSWORD,
  uniqueSiret,
  type Client,
} from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let campaign: Campaign;
const db = () => t.app.get(DataSource);

beforeAll(async () => {
  t = await startTestApp();
  campaign = permanentNecLocalCampaign(new Date().getUTCFullYear());
  await insertCampaign(t, campaign);
});
afterAll(async () => {
  await t.close();
});

async function createOrganisation(client: Client, name: string): Promise<string> {
  const res = await client.post('/api/organisations', {
    siret: uniqueSiret(),
    name,
    category: 'association',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const signInStatus = async (email: string) =>
  (await t.http().post('/api/auth/sign-in').send({ email, password: PASSWORD })).status;

describe('GET /api/account/export', () => {
  it('downloads everything held about the caller, without any secret', async () => {
    const alice = await applicant(t, 'alice.rgpd@example.org');
    const orgId = await createOrganisation(alice, 'Association Export (fictive)');
    const created = await alice.post('/api/dossiers', {
      campaignId: campaign.id,
      organisationId: orgId,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Someone else's organisations: one invites Alice, she asks to join the other.
    const oscar = await applicant(t, 'oscar.rgpd@example.org');
    const inviting = await createOrganisation(oscar, 'Association qui invite (fictive)');
    await oscar
      .post(`/api/organisations/${inviting}/invitations`, { email: 'alice.rgpd@example.org' })
      .expect(201);
    const asked = await oscar.post('/api/organisations', {
      siret: uniqueSiret(),
      name: 'Association demandée (fictive)',
      category: 'association',
    });
    await alice
      .post('/api/organisations/join-requests', {
        siret: asked.body.siret,
        message: 'Je suis trésorière.',
      })
      .expect(201);

    const res = await alice.get('/api/account/export');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="mes-donnees-nec.json"');
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const body = res.body as Record<string, unknown[] & Record<string, unknown>>;
    expect(Object.keys(body).sort()).toEqual([
      'auditEntries',
      'dossiers',
      'emailLinks',
      'exportedAt',
      'invitations',
      'joinRequests',
      'memberships',
      'profile',
      'sessions',
    ]);
    expect(body.profile).toMatchObject({
      id: alice.userId,
      email: 'alice.rgpd@example.org',
      role: 'applicant',
    });
    expect(body.sessions).toEqual([
      expect.objectContaining({
        current: true,
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
      }),
    ]);
    expect(body.emailLinks).toEqual([
      expect.objectContaining({ purpose: 'confirm-email', usedAt: expect.any(String) }),
    ]);
    expect(body.memberships).toEqual([
      expect.objectContaining({
        role: 'owner',
        organisation: expect.objectContaining({ id: orgId, name: 'Association Export (fictive)' }),
      }),
    ]);
    expect(body.invitations).toEqual([
      expect.objectContaining({
        status: 'pending',
        organisation: { name: 'Association qui invite (fictive)', siret: expect.any(String) },
      }),
    ]);
    expect(body.joinRequests).toEqual([
      expect.objectContaining({
        status: 'pending',
        message: 'Je suis trésorière.',
        organisation: { name: 'Association demandée (fictive)', siret: asked.body.siret },
      }),
    ]);
    expect(body.dossiers).toEqual([
      expect.objectContaining({
        id: created.body.id,
        reference: created.body.reference,
        content: expect.any(Object),
        versions: expect.any(Array),
        transitions: expect.any(Array),
        charterAcceptances: expect.any(Array),
      }),
    ]);
    expect((body.auditEntries as unknown as { action: string }[]).map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'account.sign-up',
        'account.email-confirmed',
        'session.sign-in',
        'organisation.created',
      ]),
    );

    // No password hash, no token hash, no CSRF token, under any name.
    const user = await db().getRepository(UserEntity).findOneByOrFail({ id: alice.userId });
    const text = res.text;
    expect(text).not.toContain(user.passwordHash);
    expect(text).not.toMatch(/scrypt\$|passwordHash|password_hash|tokenHash|token_hash|csrf/i);
    expect(text).not.toContain(alice.csrfToken);

    const audit = await db()
      .getRepository(AuditEntryEntity)
      .findBy({ action: 'account.exported', actorId: alice.userId });
    expect(audit).toHaveLength(1);
  });

  it('is open to agents too', async () => {
    const instructor = await agent(t, 'instructor', 'instructeur.rgpd@example.org');
    const res = await instructor.get('/api/account/export');
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({
      role: 'instructor',
      email: 'instructeur.rgpd@example.org',
    });
    expect(res.body.memberships).toEqual([]);
  });

  it('needs a session', async () => {
    await t.http().get('/api/account/export').expect(401);
  });
});

describe('DELETE /api/account', () => {
  it('is refused to agents, who are removed by an administrator', async () => {
    const admin = await agent(t, 'admin', 'admin.rgpd@example.org');
    const res = await admin.delete('/api/account', { password: PASSWORD });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('role-not-allowed');
  });

  it('checks the password and the body', async () => {
    const eve = await applicant(t, 'eve.rgpd@example.org');
    const wrong = await eve.delete('/api/account', { password: 'pas le bon mot de passe' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toBe('invalid-password');
    const extra = await eve.delete('/api/account', { password: PASSWORD, reason: 'x' });
    expect(extra.status).toBe(400);
    expect(extra.body.fields).toEqual([
      expect.objectContaining({ path: 'reason', code: 'unrecognized_keys' }),
    ]);
    const missing = await eve.delete('/api/account', {});
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual([expect.objectContaining({ path: 'password' })]);
    expect(await signInStatus('eve.rgpd@example.org')).toBe(200);
  });

  it('counts wrong passwords like failed sign-ins: past the limit, 429 even with the right one', async () => {
    const gaston = await applicant(t, 'gaston.limite.rgpd@example.org');
    for (let i = 0; i < 5; i++)
      await gaston.delete('/api/account', { password: `devinette ${i}` }).expect(403);
    const limited = await gaston.delete('/api/account', { password: PASSWORD }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await gaston.get('/api/auth/session').expect(200);
  });

  it('is refused while a dossier of one of the caller’s organisations is under instruction', async () => {
    const bob = await applicant(t, 'bob.rgpd@example.org');
    const orgId = await createOrganisation(bob, 'Association en instruction (fictive)');
    const dossierId = await insertDossierRow(t, {
      campaign,
      organisationId: orgId,
      createdBy: bob.userId,
      state: 'under-review',
    });

    const res = await bob.delete('/api/account', { password: PASSWORD });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('dossier-under-instruction');
    expect(await signInStatus('bob.rgpd@example.org')).toBe(200);

    // Once ANCT has decided, the account can go.
    await db().getRepository(DossierEntity).update({ id: dossierId }, { state: 'refused' });
    await bob.delete('/api/account', { password: PASSWORD }).expect(204);
  });

  it('also counts dossiers another member created', async () => {
    const carol = await applicant(t, 'carol.rgpd@example.org');
    const dan = await applicant(t, 'dan.rgpd@example.org');
    const orgId = await createOrganisation(carol, 'Association partagée (fictive)');
    await joinByInvitation(t, carol, orgId, dan, 'dan.rgpd@example.org');
    await insertDossierRow(t, {
      campaign,
      organisationId: orgId,
      createdBy: carol.userId,
      state: 'submitted',
    });
    const res = await dan.delete('/api/account', { password: PASSWORD });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('dossier-under-instruction');
  });

  it('deletes the account otherwise: sessions closed, dossiers kept, empty organisations removed', async () => {
    const fanny = await applicant(t, 'fanny.rgpd@example.org');
    const gus = await applicant(t, 'gus.rgpd@example.org');
    const withDossier = await createOrganisation(fanny, 'Association avec dossier (fictive)');
    const empty = await createOrganisation(fanny, 'Association sans dossier (fictive)');
    const shared = await createOrganisation(fanny, 'Association avec un membre (fictive)');
    await joinByInvitation(t, fanny, shared, gus, 'gus.rgpd@example.org');
    const draft = await fanny.post('/api/dossiers', {
      campaignId: campaign.id,
      organisationId: withDossier,
    });
    expect(draft.status).toBe(201);

    const res = await fanny.delete('/api/account', { password: PASSWORD });
    expect(res.status).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/nec_session=;/);

    await fanny.get('/api/auth/session').expect(401);
    expect(await signInStatus('fanny.rgpd@example.org')).toBe(401);
    expect(await db().getRepository(UserEntity).findOneBy({ id: fanny.userId })).toBeNull();
    expect(await db().getRepository(MembershipEntity).findBy({ userId: fanny.userId })).toEqual([]);

    // The dossier belongs to the organisation: kept, without its author.
    const dossier = await db()
      .getRepository(DossierEntity)
      .findOneByOrFail({ id: draft.body.id as string });
    expect(dossier.createdBy).toBeNull();
    const orgs = db().getRepository(OrganisationEntity);
    expect(await orgs.findOneBy({ id: withDossier })).not.toBeNull();
    expect(await orgs.findOneBy({ id: empty })).toBeNull();
    // The organisation that still has a member keeps it, now as its owner.
    expect(await orgs.findOneBy({ id: shared })).not.toBeNull();
    const gusList = await gus.get('/api/organisations/mine').expect(200);
    expect(gusList.body.items).toEqual([
      expect.objectContaining({
        id: shared,
        role: 'owner',
        members: [expect.objectContaining({ userId: gus.userId })],
      }),
    ]);

    // Audited with the account's id, never its e-mail.
    const entries = await db()
      .getRepository(AuditEntryEntity)
      .findBy({ action: 'account.deleted', subjectId: fanny.userId });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.actorId).toBe(fanny.userId);
    expect(JSON.stringify(entries[0])).not.toContain('fanny');
    expect(entries[0]?.details).toEqual({ removedOrganisationIds: [empty] });
  });
});
