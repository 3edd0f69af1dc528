import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryEntity } from '../src/audit/audit-entry.entity.js';
import {
  agent,
  applicant,
  joinByInvitation,
  PASSWORD,
  signInAgain,
  uniqueSiret,
  type Client,
} from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * Joining an organisation: invitations by its owners (nothing about the invited address is
 * revealed to them) and requests to join sent to them.
 */
let t: TestApp;
let alice: Client; // owner
let mia: Client; // member
let oscar: Client; // outsider, with an organisation of his own
let ines: Client; // invited, has an account
let instructor: Client;
let org: { id: string; siret: string };
let oscarOrg: { id: string; siret: string };

const db = () => t.app.get(DataSource);

async function createOrganisation(client: Client, name: string) {
  const res = await client.post('/api/organisations', {
    siret: uniqueSiret(),
    name,
    category: 'association',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; siret: string };
}

const invite = (client: Client, organisationId: string, email: string) =>
  client.post(`/api/organisations/${organisationId}/invitations`, { email });

/** Actions of the audit trail about an organisation, oldest first, with their actors. */
async function auditOf(organisationId: string) {
  const rows = await db()
    .getRepository(AuditEntryEntity)
    .find({ where: { subjectId: organisationId }, order: { id: 'ASC' } });
  return rows.map((r) => ({ action: r.action, actorId: r.actorId, details: r.details }));
}

/** A mail's text (its headers dropped: ids and dates), with the token and the address blanked. */
function blanked(mail: string, email: string): string {
  return mail
    .slice(mail.search(/\r?\n\r?\n/))
    .replace(/jeton=[A-Za-z0-9_-]+/g, 'jeton=…')
    .replaceAll(email, '…');
}

beforeAll(async () => {
  t = await startTestApp();
  alice = await applicant(t, 'alice.mb@example.org');
  mia = await applicant(t, 'mia.mb@example.org');
  oscar = await applicant(t, 'oscar.mb@example.org');
  ines = await applicant(t, 'ines.mb@example.org');
  instructor = await agent(t, 'instructor', 'instructeur.mb@example.org');
  org = await createOrganisation(alice, 'Association des Invitations (fictive)');
  oscarOrg = await createOrganisation(oscar, 'Association d’Oscar (fictive)');
  await joinByInvitation(t, alice, org.id, mia, 'mia.mb@example.org');
});
afterAll(async () => {
  await t.close();
});

describe('inviting an address', () => {
  it('answers the same whether the address has an account, none, is a member or an agent', async () => {
    const addresses = [
      'ines.mb@example.org', // an applicant account
      'personne.mb@example.org', // no account
      'mia.mb@example.org', // already a member
      'instructeur.mb@example.org', // an agent
    ];
    const answers = [];
    for (const email of addresses) {
      const res = await invite(alice, org.id, email);
      expect(res.status, email).toBe(201);
      expect(res.body.email).toBe(email);
      answers.push({
        ...res.body,
        id: 'id',
        email: 'email',
        invitedAt: 'date',
        expiresAt: 'date',
      });
      // Valid seven days.
      expect(Date.parse(res.body.expiresAt) - Date.parse(res.body.invitedAt)).toBe(
        7 * 24 * 3600_000,
      );
    }
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toEqual({
      id: 'id',
      email: 'email',
      invitedAt: 'date',
      expiresAt: 'date',
      invitedBy: 'alice.mb',
      expired: false,
    });
    // The mail is the same text too: the invitee is told how to go on in every case.
    const texts = await Promise.all(
      addresses.map(async (a) => blanked(await t.outbox.lastTo(a), a)),
    );
    for (const text of texts) expect(text).toEqual(texts[0]);
    const mail = await t.outbox.lastTo('personne.mb@example.org');
    expect(mail).toContain('Association des Invitations (fictive)');
    expect(mail).toContain('alice.mb vous invite');
    expect(mail).toMatch(/\/invitation\?jeton=[A-Za-z0-9_-]{43}/);
    expect(mail).toContain('Vous n’avez pas encore de compte ?');
  });

  it('normalises the address, and refuses a second pending invitation of it (409)', async () => {
    const again = await invite(alice, org.id, '  Ines.MB@Example.org ');
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('invitation-pending');
  });

  it('validates the body strictly', async () => {
    const res = await alice.post(`/api/organisations/${org.id}/invitations`, {
      email: 'pas-une-adresse',
      role: 'owner',
    });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'role']);
  });

  it('lists the pending invitations to owners, newest first, paged', async () => {
    const page = await alice.get(`/api/organisations/${org.id}/invitations?pageSize=2`).expect(200);
    expect(page.body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(page.body.items.map((i: { email: string }) => i.email)).toEqual([
      'instructeur.mb@example.org',
      'mia.mb@example.org',
    ]);
  });

  it('is for owners: 403 to members, 404 to outsiders and to malformed ids', async () => {
    for (const res of [
      await invite(mia, org.id, 'x.mb@example.org'),
      await mia.get(`/api/organisations/${org.id}/invitations`),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('not-owner');
    }
    const pending = (await alice.get(`/api/organisations/${org.id}/invitations`)).body.items[0];
    const revokeByMember = await mia.delete(
      `/api/organisations/${org.id}/invitations/${pending.id}`,
    );
    expect(revokeByMember.status).toBe(403);
    for (const res of [
      await invite(oscar, org.id, 'x.mb@example.org'),
      await oscar.get(`/api/organisations/${org.id}/invitations`),
      await oscar.delete(`/api/organisations/${org.id}/invitations/${pending.id}`),
      await invite(alice, 'pas-un-uuid', 'x.mb@example.org'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error).toBe('organisation-not-found');
    }
    // An invitation of another organisation is unknown here.
    const malformed = await alice.delete(`/api/organisations/${org.id}/invitations/pas-un-uuid`);
    expect(malformed.body.error).toBe('invitation-not-found');
    const res = await invite(instructor, org.id, 'x.mb@example.org');
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('role-not-allowed');
  });

  it('decides between two invitations of the same address at once: one 201, one 409', async () => {
    const statuses = await Promise.all([
      invite(alice, org.id, 'double.mb@example.org'),
      invite(alice, org.id, 'double.mb@example.org'),
    ]).then((all) => all.map((r) => r.status).sort());
    expect(statuses).toEqual([201, 409]);
  });
});

describe('answering an invitation', () => {
  let inesToken: string;
  beforeAll(async () => {
    inesToken = await t.outbox.tokenFor('ines.mb@example.org');
  });

  it('shows the organisation and who invited to the invited account', async () => {
    const res = await ines.get(`/api/invitations/${inesToken}`).expect(200);
    expect(res.body).toEqual({
      organisation: { id: org.id, name: 'Association des Invitations (fictive)', siret: org.siret },
      invitedBy: 'alice.mb',
      email: 'ines.mb@example.org',
      expiresAt: expect.any(String),
    });
  });

  it('shows the link before signing in: organisation, state and invited address', async () => {
    const res = await t.http().get(`/api/invitations/${inesToken}/preview`).expect(200);
    expect(res.body).toEqual({
      organisation: 'Association des Invitations (fictive)',
      status: 'pending',
      email: 'ines.mb@example.org',
    });
    for (const token of ['x'.repeat(43), 'court', 'a%2Fb']) {
      const unknown = await t.http().get(`/api/invitations/${token}/preview`);
      expect(unknown.status, token).toBe(404);
      expect(unknown.body.error).toBe('invitation-not-found');
    }
  });

  it('gives nothing to another account holding the link', async () => {
    for (const res of [
      await oscar.get(`/api/invitations/${inesToken}`),
      await oscar.post(`/api/invitations/${inesToken}/accept`),
      await oscar.post(`/api/invitations/${inesToken}/decline`),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('invitation-for-another-account');
      expect(res.body.message).toMatch(/autre adresse/);
      expect(JSON.stringify(res.body)).not.toContain('Invitations (fictive)');
    }
    expect((await oscar.get('/api/organisations/mine')).body.items).toEqual([
      expect.objectContaining({ id: oscarOrg.id }),
    ]);
  });

  it('answers 404 to an unknown or malformed token, and 401 without a session', async () => {
    for (const token of ['x'.repeat(43), 'court', 'a%2Fb']) {
      const res = await ines.get(`/api/invitations/${token}`);
      expect(res.status, token).toBe(404);
      expect(res.body.error).toBe('invitation-not-found');
    }
    await t.http().get(`/api/invitations/${inesToken}`).expect(401);
  });

  it('makes the invitee a member on acceptance; the link then works no more', async () => {
    const res = await ines.post(`/api/invitations/${inesToken}/accept`).expect(200);
    expect(res.body).toMatchObject({ id: org.id, role: 'member' });
    const mine = await ines.get('/api/organisations/mine').expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: org.id, role: 'member' })]);
    for (const again of [
      await ines.post(`/api/invitations/${inesToken}/accept`),
      await ines.get(`/api/invitations/${inesToken}`),
      await ines.post(`/api/invitations/${inesToken}/decline`),
    ]) {
      expect(again.status).toBe(410);
      expect(again.body.error).toBe('invitation-answered');
    }
    const preview = await t.http().get(`/api/invitations/${inesToken}/preview`).expect(200);
    expect(preview.body).toEqual({
      organisation: 'Association des Invitations (fictive)',
      status: 'answered',
      email: null,
    });
    const pending = await alice.get(`/api/organisations/${org.id}/invitations`).expect(200);
    expect(pending.body.items.map((i: { email: string }) => i.email)).not.toContain(
      'ines.mb@example.org',
    );
    const audit = (await auditOf(org.id)).filter((a) => a.actorId === ines.userId);
    expect(audit).toEqual([
      {
        action: 'organisation.invitation-accepted',
        actorId: ines.userId,
        details: { invitationId: expect.any(String) },
      },
      {
        action: 'organisation.member-added',
        actorId: ines.userId,
        details: { userId: ines.userId, role: 'member', invitationId: expect.any(String) },
      },
    ]);
    // The address never enters the audit trail.
    expect(JSON.stringify(await auditOf(org.id))).not.toMatch(/@example\.org/);
  });

  it('lets an address without an account sign up, come back to the link, then accept', async () => {
    const token = await t.outbox.tokenFor('personne.mb@example.org');
    const retour = `/invitation?jeton=${token}`;
    for (const bad of ['https://example.net/x', '//example.net/x', '/\\example.net', 'x:y']) {
      const refused = await t.http().post('/api/auth/sign-up').send({
        email: 'personne.mb@example.org',
        password: PASSWORD,
        displayName: 'P',
        retour: bad,
      });
      expect(refused.status, bad).toBe(400);
    }
    await t
      .http()
      .post('/api/auth/sign-up')
      .send({ email: 'personne.mb@example.org', password: PASSWORD, displayName: 'P', retour })
      .expect(202);
    const mail = await t.outbox.lastTo('personne.mb@example.org');
    // The confirmation link carries the way back to the invitation, encoded.
    expect(mail).toContain(`&retour=${encodeURIComponent(retour)}`);
    await t
      .http()
      .post('/api/auth/confirm-email')
      .send({ token: await t.outbox.tokenFor('personne.mb@example.org') })
      .expect(200);
    const newcomer = await signInAgain(t, 'personne.mb@example.org');
    await newcomer.post(`/api/invitations/${token}/accept`).expect(200);
    const mine = await newcomer.get('/api/organisations/mine').expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: org.id, role: 'member' })]);
  });

  it('accepts silently for someone already a member, who keeps their role', async () => {
    const token = await t.outbox.tokenFor('mia.mb@example.org');
    const res = await mia.post(`/api/invitations/${token}/accept`).expect(200);
    expect(res.body.role).toBe('member');
    await invite(alice, org.id, 'alice.mb@example.org').expect(201);
    const own = await alice
      .post(`/api/invitations/${await t.outbox.tokenFor('alice.mb@example.org')}/accept`)
      .expect(200);
    expect(own.body.role).toBe('owner');
    const members = (await alice.get('/api/organisations/mine')).body.items.find(
      (o: { id: string }) => o.id === org.id,
    ).members as { userId: string }[];
    expect(members.filter((m) => m.userId === alice.userId)).toHaveLength(1);
  });

  it('declines: no membership, and the link is answered', async () => {
    const zoe = await applicant(t, 'zoe.mb@example.org');
    await invite(alice, org.id, 'zoe.mb@example.org').expect(201);
    const token = await t.outbox.tokenFor('zoe.mb@example.org');
    await zoe.post(`/api/invitations/${token}/decline`).expect(204);
    expect((await zoe.get('/api/organisations/mine')).body.items).toEqual([]);
    const late = await zoe.post(`/api/invitations/${token}/accept`);
    expect(late.status).toBe(410);
    expect(late.body.error).toBe('invitation-answered');
    expect((await auditOf(org.id)).map((a) => a.action)).toContain(
      'organisation.invitation-declined',
    );
  });

  it('refuses an expired link (410); inviting the address again sends a new one', async () => {
    const tom = await applicant(t, 'tom.mb@example.org');
    await invite(alice, org.id, 'tom.mb@example.org').expect(201);
    const old = await t.outbox.tokenFor('tom.mb@example.org');
    await db().query(
      `UPDATE "organisation_invitations" SET "expires_at" = now() - interval '1 minute' WHERE "email" = $1`,
      ['tom.mb@example.org'],
    );
    const expired = await tom.get(`/api/invitations/${old}`);
    expect(expired.status).toBe(410);
    expect(expired.body.error).toBe('invitation-expired');
    const preview = await t.http().get(`/api/invitations/${old}/preview`).expect(200);
    expect(preview.body).toMatchObject({ status: 'expired', email: null });
    const listed = (await alice.get(`/api/organisations/${org.id}/invitations`)).body.items.find(
      (i: { email: string }) => i.email === 'tom.mb@example.org',
    );
    expect(listed.expired).toBe(true);

    await invite(alice, org.id, 'tom.mb@example.org').expect(201);
    const fresh = await t.outbox.tokenFor('tom.mb@example.org');
    expect(fresh).not.toBe(old);
    const stillOld = await tom.post(`/api/invitations/${old}/accept`);
    expect(stillOld.status).toBe(410);
    expect(stillOld.body.error).toBe('invitation-expired');
    await tom.post(`/api/invitations/${fresh}/accept`).expect(200);
  });

  it('refuses a revoked invitation; owners revoke pending ones only', async () => {
    const una = await applicant(t, 'una.mb@example.org');
    const sent = await invite(alice, org.id, 'una.mb@example.org').expect(201);
    const token = await t.outbox.tokenFor('una.mb@example.org');
    await alice.delete(`/api/organisations/${org.id}/invitations/${sent.body.id}`).expect(204);
    const listed = await alice.get(`/api/organisations/${org.id}/invitations`);
    expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(sent.body.id);
    const res = await una.post(`/api/invitations/${token}/accept`);
    expect(res.status).toBe(410);
    expect(res.body.error).toBe('invitation-revoked');
    const preview = await t.http().get(`/api/invitations/${token}/preview`).expect(200);
    expect(preview.body).toMatchObject({ status: 'revoked', email: null });
    const again = await alice.delete(`/api/organisations/${org.id}/invitations/${sent.body.id}`);
    expect(again.status).toBe(404);
    expect(again.body.error).toBe('invitation-not-found');
    // Revoked from another organisation's address: unknown there.
    const elsewhere = await oscar.delete(
      `/api/organisations/${oscarOrg.id}/invitations/${sent.body.id}`,
    );
    expect(elsewhere.status).toBe(404);
    expect((await auditOf(org.id)).map((a) => a.action)).toContain(
      'organisation.invitation-revoked',
    );
  });
});

describe('requests to join', () => {
  let jules: Client;
  beforeAll(async () => {
    jules = await applicant(t, 'jules.mb@example.org');
  });

  it('sends a request for a registered SIRET; its owners are told, without the message', async () => {
    const spaced = `${org.siret.slice(0, 3)} ${org.siret.slice(3, 6)} ${org.siret.slice(6, 9)} ${org.siret.slice(9)}`;
    const res = await jules.post('/api/organisations/join-requests', {
      siret: spaced,
      message: '  Je co-anime les ateliers du mercredi.  ',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      organisation: { name: 'Association des Invitations (fictive)', siret: org.siret },
      message: 'Je co-anime les ateliers du mercredi.',
      status: 'pending',
      requestedAt: expect.any(String),
      decidedAt: null,
    });
    const mail = await t.outbox.lastTo('alice.mb@example.org');
    expect(mail).toContain('jules.mb demande à rejoindre');
    expect(mail).not.toContain('ateliers du mercredi');
    const mine = await jules.get('/api/organisations/join-requests/mine').expect(200);
    expect(mine.body.items).toEqual([res.body]);
  });

  it('answers 404 to an unregistered SIRET (register it instead) and validates the body', async () => {
    const unknown = await jules.post('/api/organisations/join-requests', {
      siret: uniqueSiret(),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('organisation-not-registered');
    expect(unknown.body.message).toMatch(/inscrire vous-même/);
    const invalid = await jules.post('/api/organisations/join-requests', {
      siret: '123',
      message: 'x'.repeat(1001),
      extra: true,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'extra',
      'message',
      'siret',
    ]);
  });

  it('refuses a second pending request (409) and a member’s request (409)', async () => {
    const twice = await jules.post('/api/organisations/join-requests', { siret: org.siret });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe('join-request-pending');
    const member = await mia.post('/api/organisations/join-requests', { siret: org.siret });
    expect(member.status).toBe(409);
    expect(member.body.error).toBe('already-member');
  });

  it('lists pending requests to owners, with who asks; 403 to members, 404 to outsiders', async () => {
    const list = await alice.get(`/api/organisations/${org.id}/join-requests`).expect(200);
    expect(list.body.items).toEqual([
      {
        id: expect.any(String),
        requester: { displayName: 'jules.mb', email: 'jules.mb@example.org' },
        message: 'Je co-anime les ateliers du mercredi.',
        requestedAt: expect.any(String),
      },
    ]);
    const byMember = await mia.get(`/api/organisations/${org.id}/join-requests`);
    expect(byMember.status).toBe(403);
    const byOutsider = await oscar.get(`/api/organisations/${org.id}/join-requests`);
    expect(byOutsider.status).toBe(404);
    const requestId = list.body.items[0].id as string;
    for (const [client, status] of [
      [mia, 403],
      [oscar, 404],
    ] as const) {
      for (const step of ['accept', 'decline']) {
        const res = await client.post(
          `/api/organisations/${org.id}/join-requests/${requestId}/${step}`,
        );
        expect(res.status, `${step} ${status}`).toBe(status);
      }
    }
    // Oscar's own organisation does not hold this request.
    const wrongOrganisation = await oscar.post(
      `/api/organisations/${oscarOrg.id}/join-requests/${requestId}/accept`,
    );
    expect(wrongOrganisation.status).toBe(404);
    expect(wrongOrganisation.body.error).toBe('join-request-not-found');
  });

  it('accepting makes the requester a member, who is told by mail', async () => {
    const requestId = (await alice.get(`/api/organisations/${org.id}/join-requests`)).body.items[0]
      .id as string;
    await alice.post(`/api/organisations/${org.id}/join-requests/${requestId}/accept`).expect(204);
    const orgs = await jules.get('/api/organisations/mine').expect(200);
    expect(orgs.body.items).toEqual([expect.objectContaining({ id: org.id, role: 'member' })]);
    expect(await t.outbox.lastTo('jules.mb@example.org')).toContain('Votre demande est acceptée');
    const mine = await jules.get('/api/organisations/join-requests/mine').expect(200);
    expect(mine.body.items[0]).toMatchObject({ status: 'accepted', decidedAt: expect.any(String) });
    const again = await alice.post(
      `/api/organisations/${org.id}/join-requests/${requestId}/accept`,
    );
    expect(again.status).toBe(404);
    const audit = (await auditOf(org.id)).filter((a) =>
      JSON.stringify(a.details).includes(requestId),
    );
    expect(audit).toEqual([
      {
        action: 'organisation.join-requested',
        actorId: jules.userId,
        details: { joinRequestId: requestId },
      },
      {
        action: 'organisation.join-request-accepted',
        actorId: alice.userId,
        details: { joinRequestId: requestId },
      },
      {
        action: 'organisation.member-added',
        actorId: alice.userId,
        details: { userId: jules.userId, role: 'member', joinRequestId: requestId },
      },
    ]);
  });

  it('declining tells the requester, who stays out', async () => {
    const kim = await applicant(t, 'kim.mb@example.org');
    const sent = await kim
      .post('/api/organisations/join-requests', { siret: org.siret })
      .expect(201);
    await alice
      .post(`/api/organisations/${org.id}/join-requests/${sent.body.id}/decline`)
      .expect(204);
    expect((await kim.get('/api/organisations/mine')).body.items).toEqual([]);
    expect(await t.outbox.lastTo('kim.mb@example.org')).toContain('n’ont pas accepté');
    const mine = await kim.get('/api/organisations/join-requests/mine').expect(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ status: 'declined', message: null }),
    ]);
    // Declined, they may ask again later.
    await kim.post('/api/organisations/join-requests', { siret: org.siret }).expect(201);
  });

  it('lets the requester cancel a pending request, and nobody else', async () => {
    const lou = await applicant(t, 'lou.mb@example.org');
    const sent = await lou
      .post('/api/organisations/join-requests', { siret: oscarOrg.siret })
      .expect(201);
    for (const client of [oscar, alice]) {
      const res = await client.delete(`/api/organisations/join-requests/${sent.body.id}`);
      expect(res.status).toBe(404);
      expect(res.body.error).toBe('join-request-not-found');
    }
    await lou.delete(`/api/organisations/join-requests/${sent.body.id}`).expect(204);
    expect((await lou.get('/api/organisations/join-requests/mine')).body.items).toEqual([]);
    expect((await oscar.get(`/api/organisations/${oscarOrg.id}/join-requests`)).body.items).toEqual(
      [],
    );
    const again = await lou.delete(`/api/organisations/join-requests/${sent.body.id}`);
    expect(again.status).toBe(404);
    expect((await auditOf(oscarOrg.id)).map((a) => a.action)).toEqual([
      'organisation.created',
      'organisation.join-requested',
      'organisation.join-request-cancelled',
    ]);
  });

  it('is for applicants', async () => {
    const res = await instructor.post('/api/organisations/join-requests', { siret: org.siret });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('role-not-allowed');
  });
});
