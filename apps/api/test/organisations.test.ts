import { hasValidLuhnChecksum, isValidSiret } from '@nec/domain';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryEntity } from '../src/audit/audit-entry.entity.js';
import { UniqueViolation } from '../src/common/unique-violation.js';
import { Transactions } from '../src/database/transactions.js';
import { OrganisationsRepository } from '../src/organisations/organisations.repository.js';
import { agent, applicant, joinByInvitation, uniqueSiret, type Client } from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let alice: Client;
let bob: Client;
let carol: Client;
let instructor: Client;

beforeAll(async () => {
  t = await startTestApp();
  alice = await applicant(t, 'alice.orga@example.org');
  bob = await applicant(t, 'bob.orga@example.org');
  carol = await applicant(t, 'carol.orga@example.org');
  instructor = await agent(t, 'instructor', 'instructeur.orga@example.org');
});
afterAll(async () => {
  await t.close();
});

/** `73282932000074` → `732 829 320 00074`, as people type it. */
const spaced = (siret: string) =>
  `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;

const paths = (body: { fields: { path: string }[] }) => body.fields.map((f) => f.path);

async function createOrganisation(client: Client, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/organisations', {
    siret: uniqueSiret(),
    name: 'Association des Communs (fictive)',
    category: 'association',
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; siret: string; siren: string; role: string };
}

describe('registering an organisation', () => {
  it('accepts a SIRET typed with spaces, stores it normalised and makes the caller its owner', async () => {
    const siret = uniqueSiret();
    const res = await alice.post('/api/organisations', {
      siret: spaced(siret),
      name: '  Tiers-lieu des Octets (fictif) ',
      category: 'tiers-lieu',
      communeCode: '57463',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      siret,
      siren: siret.slice(0, 9),
      name: 'Tiers-lieu des Octets (fictif)',
      category: 'tiers-lieu',
      communeCode: '57463',
      createdAt: expect.any(String),
      verifiedAt: null,
      role: 'owner',
    });
    const audit = await t.app
      .get(DataSource)
      .getRepository(AuditEntryEntity)
      .findBy({ action: 'organisation.created', subjectId: res.body.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(alice.userId);
  });

  it('accepts dots as separators', async () => {
    const siret = uniqueSiret();
    const res = await alice.post('/api/organisations', {
      siret: `${siret.slice(0, 3)}.${siret.slice(3, 6)}.${siret.slice(6, 9)}.${siret.slice(9)}`,
      name: 'Coopérative des Points (fictive)',
      category: 'cooperative',
    });
    expect(res.status).toBe(201);
    expect(res.body.siret).toBe(siret);
    expect(res.body.communeCode).toBeNull();
  });

  it('accepts a La Poste SIRET that only passes the digit-sum rule', async () => {
    const laPoste = '356 000 000 49837';
    // The domain says so, and it is not a Luhn number: the La Poste rule is what accepts it.
    expect(isValidSiret(laPoste)).toBe(true);
    expect(hasValidLuhnChecksum(laPoste.replace(/ /g, ''))).toBe(false);
    const res = await bob.post('/api/organisations', {
      siret: laPoste,
      name: 'Bureau de poste du Centre (fictif)',
      category: 'entreprise',
    });
    expect(res.status).toBe(201);
    expect(res.body.siret).toBe('35600000049837');
    expect(res.body.siren).toBe('356000000');
  });

  it('refuses a SIRET whose check digit is wrong, on the siret field', async () => {
    const res = await alice.post('/api/organisations', {
      siret: '732 829 320 00075',
      name: 'Structure (fictive)',
      category: 'association',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid-request');
    expect(paths(res.body)).toEqual(['siret']);
    expect(res.body.fields[0].message).toContain('SIRET');
  });

  it('lists every invalid field at once, in French', async () => {
    const res = await alice.post('/api/organisations', {
      siret: '123',
      category: 'mairie',
      communeCode: '5746',
    });
    expect(res.status).toBe(400);
    expect(paths(res.body).sort()).toEqual(['category', 'communeCode', 'name', 'siret']);
  });

  it('refuses unknown fields', async () => {
    const res = await alice.post('/api/organisations', {
      siret: uniqueSiret(),
      name: 'Structure (fictive)',
      category: 'association',
      role: 'owner',
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      expect.objectContaining({ path: 'role', code: 'unrecognized_keys' }),
    ]);
  });

  it('answers 409 to a SIRET already registered, without naming its members', async () => {
    const siret = uniqueSiret();
    await alice
      .post('/api/organisations', {
        siret,
        name: 'Première inscription (fictive)',
        category: 'association',
      })
      .expect(201);
    const res = await bob.post('/api/organisations', {
      siret: spaced(siret),
      name: 'Seconde inscription (fictive)',
      category: 'association',
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: 'organisation-exists',
      message: expect.stringMatching(/demandez à la rejoindre/),
      fields: [],
    });
    expect(JSON.stringify(res.body)).not.toContain('alice');
  });

  it('is for applicants only', async () => {
    const res = await instructor.post('/api/organisations', {
      siret: uniqueSiret(),
      name: 'Structure (fictive)',
      category: 'association',
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('role-not-allowed');
  });
});

describe('my organisations', () => {
  it('lists only the caller’s organisations, with their role and members', async () => {
    const mine = await createOrganisation(carol, { name: 'Association de Carol (fictive)' });
    const carolList = await carol.get('/api/organisations/mine').expect(200);
    expect(carolList.body.items).toEqual([
      expect.objectContaining({
        id: mine.id,
        role: 'owner',
        members: [
          expect.objectContaining({
            userId: carol.userId,
            role: 'owner',
            email: 'carol.orga@example.org',
          }),
        ],
      }),
    ]);
    const bobList = await bob.get('/api/organisations/mine').expect(200);
    expect(bobList.body.items.map((o: { id: string }) => o.id)).not.toContain(mine.id);
  });
});

describe('members', () => {
  let org: { id: string };
  let dave: Client;
  beforeAll(async () => {
    org = await createOrganisation(alice, { name: 'Association à plusieurs (fictive)' });
    dave = await applicant(t, 'dave.orga@example.org');
    await joinByInvitation(t, alice, org.id, dave, 'dave.orga@example.org');
  });

  it('lists the member who joined by invitation, to every member', async () => {
    const daveList = await dave.get('/api/organisations/mine').expect(200);
    expect(daveList.body.items).toEqual([
      expect.objectContaining({
        id: org.id,
        role: 'member',
        members: [
          expect.objectContaining({ userId: alice.userId, role: 'owner' }),
          expect.objectContaining({ userId: dave.userId, role: 'member' }),
        ],
      }),
    ]);
  });

  it('no longer adds an account directly: the route is gone', async () => {
    const res = await alice.post(`/api/organisations/${org.id}/members`, {
      email: 'carol.orga@example.org',
    });
    expect(res.status).toBe(404);
  });

  it('lets only an owner remove someone else', async () => {
    const res = await dave.delete(`/api/organisations/${org.id}/members/${alice.userId}`);
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('not-owner');
    const outsider = await bob.delete(`/api/organisations/${org.id}/members/${dave.userId}`);
    expect(outsider.status).toBe(404);
    const malformed = await alice.delete(`/api/organisations/pas-un-uuid/members/${dave.userId}`);
    expect(malformed.status).toBe(404);
  });

  it('never removes the last owner', async () => {
    const res = await alice.delete(`/api/organisations/${org.id}/members/${alice.userId}`);
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('last-owner');
  });

  it('removes a member, then answers 404 for someone who is not a member', async () => {
    await alice.delete(`/api/organisations/${org.id}/members/${dave.userId}`).expect(204);
    const daveList = await dave.get('/api/organisations/mine').expect(200);
    expect(daveList.body.items).toEqual([]);
    const again = await alice.delete(`/api/organisations/${org.id}/members/${dave.userId}`);
    expect(again.status).toBe(404);
    expect(again.body.error).toBe('member-not-found');
    const audit = await t.app
      .get(DataSource)
      .getRepository(AuditEntryEntity)
      .find({ where: { subjectId: org.id }, order: { id: 'ASC' } });
    expect(audit.map((a) => a.action)).toEqual([
      'organisation.created',
      'organisation.invitation-sent',
      'organisation.invitation-accepted',
      'organisation.member-added',
      'organisation.member-removed',
    ]);
  });

  it('lets a member leave on their own', async () => {
    await joinByInvitation(t, alice, org.id, dave, 'dave.orga@example.org');
    await dave.delete(`/api/organisations/${org.id}/members/${dave.userId}`).expect(204);
    expect((await dave.get('/api/organisations/mine')).body.items).toEqual([]);
  });
});

describe('roles', () => {
  let org: { id: string };
  let erin: Client;
  let fred: Client;
  const roleOf = (client: Client, userId = client.userId) =>
    `/api/organisations/${org.id}/members/${userId}/role`;
  const setRole = (by: Client, userId: string, role: string) =>
    by.put(roleOf(by, userId), { role });
  const ownersOf = async (organisationId: string) => {
    const rows: { n: number }[] = await t.database.dataSource.query(
      `SELECT count(*)::int AS n FROM memberships WHERE organisation_id = $1 AND role = 'owner'`,
      [organisationId],
    );
    return rows[0]?.n;
  };
  const actions = async () =>
    (
      await t.app
        .get(DataSource)
        .getRepository(AuditEntryEntity)
        .find({ where: { subjectId: org.id }, order: { id: 'ASC' } })
    ).map((a) => ({ action: a.action, details: a.details }));

  beforeAll(async () => {
    org = await createOrganisation(alice, { name: 'Association des Rôles (fictive)' });
    erin = await applicant(t, 'erin.orga@example.org');
    fred = await applicant(t, 'fred.orga@example.org');
    await joinByInvitation(t, alice, org.id, erin, 'erin.orga@example.org');
    await joinByInvitation(t, alice, org.id, fred, 'fred.orga@example.org');
  });

  it('lets only an owner change a role, and checks what it is asked', async () => {
    const member = await setRole(erin, fred.userId, 'owner');
    expect(member.status).toBe(403);
    expect(member.body.error).toBe('not-owner');
    expect((await setRole(bob, erin.userId, 'owner')).status).toBe(404);
    const stranger = await setRole(alice, bob.userId, 'owner');
    expect(stranger.status).toBe(404);
    expect(stranger.body.error).toBe('member-not-found');
    expect((await setRole(alice, 'pas-un-uuid', 'owner')).body.error).toBe('member-not-found');
    const bad = await setRole(alice, erin.userId, 'admin');
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['role']);
    expect(bad.body.fields[0].message).toMatch(/^Choisissez un rôle/);
  });

  it('makes a member owner, once: asking again changes nothing', async () => {
    const res = await setRole(alice, erin.userId, 'owner').expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        userId: erin.userId,
        role: 'owner',
        email: 'erin.orga@example.org',
      }),
    );
    await setRole(alice, erin.userId, 'owner').expect(200);
    const erinList = await erin.get('/api/organisations/mine').expect(200);
    expect(erinList.body.items[0]).toMatchObject({ id: org.id, role: 'owner' });
    const promoted = (await actions()).filter((a) => a.action === 'organisation.owner-promoted');
    expect(promoted).toEqual([
      {
        action: 'organisation.owner-promoted',
        details: { userId: erin.userId, from: 'member', to: 'owner' },
      },
    ]);
  });

  it('lets the new owner take the role back from the first, who can then leave', async () => {
    await setRole(erin, alice.userId, 'member').expect(200);
    expect((await alice.get('/api/organisations/mine')).body.items).toContainEqual(
      expect.objectContaining({ id: org.id, role: 'member' }),
    );
    expect((await actions()).at(-1)).toEqual({
      action: 'organisation.owner-demoted',
      details: { userId: alice.userId, from: 'owner', to: 'member' },
    });
    // Alice is a member now: she no longer manages roles.
    expect((await setRole(alice, erin.userId, 'member')).status).toBe(403);
  });

  it('never lets the last owner step down or leave: 409 with the field at fault', async () => {
    const demote = await setRole(erin, erin.userId, 'member');
    expect(demote.status).toBe(409);
    expect(demote.body).toEqual({
      error: 'last-owner',
      message: expect.stringMatching(/seule personne responsable.*retirer ce rôle/),
      fields: [{ path: 'role', code: 'last-owner', message: demote.body.message }],
    });
    const leave = await erin.delete(`/api/organisations/${org.id}/members/${erin.userId}`);
    expect(leave.status).toBe(409);
    expect(leave.body.fields).toEqual([
      { path: 'userId', code: 'last-owner', message: expect.stringMatching(/la quitter\.$/) },
    ]);
    expect(await ownersOf(org.id)).toBe(1);
  });

  it('decides two owners stepping down at once in turn: one keeps the role', async () => {
    // Without the organisation's lock both would count two owners and both step down.
    for (let round = 0; round < 3; round++) {
      await setRole(erin, alice.userId, 'owner').expect(200);
      const statuses = await Promise.all([
        setRole(alice, alice.userId, 'member'),
        setRole(erin, erin.userId, 'member'),
      ]).then((all) => all.map((r) => r.status).sort());
      expect(statuses).toEqual([200, 409]);
      expect(await ownersOf(org.id)).toBe(1);
      // Whoever stayed owner gives the role back to Erin for the next round.
      const aliceOwns = (await alice.get('/api/organisations/mine')).body.items.some(
        (o: { id: string; role: string }) => o.id === org.id && o.role === 'owner',
      );
      if (aliceOwns) {
        await setRole(alice, erin.userId, 'owner').expect(200);
        await setRole(alice, alice.userId, 'member').expect(200);
      }
    }
  });

  it('decides an owner leaving while the other steps down in turn', async () => {
    await setRole(erin, fred.userId, 'owner').expect(200);
    const [left, stepped] = await Promise.all([
      fred.delete(`/api/organisations/${org.id}/members/${fred.userId}`),
      setRole(erin, erin.userId, 'member'),
    ]);
    // Whichever comes second finds Erin or Fred the last owner.
    expect([
      [204, 409],
      [409, 200],
    ]).toContainEqual([left.status, stepped.status]);
    expect(await ownersOf(org.id)).toBe(1);
  });
});

describe('the repositories', () => {
  it('turn a unique index’s refusal into a typed error naming it, on either database', async () => {
    const transactions = t.app.get(Transactions);
    const repository = t.app.get(OrganisationsRepository);
    const organisation = {
      siret: uniqueSiret(),
      siren: '000000000',
      name: 'Association en double (fictive)',
      category: 'association' as const,
      communeCode: null,
    };
    await transactions.run({ repository }, ({ repository: r }) => r.create(organisation));
    const refused = await transactions
      .run({ repository }, ({ repository: r }) => r.create(organisation))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UniqueViolation);
    expect((refused as UniqueViolation).constraint).toMatch(/^UQ_/);
  });

  it('refuse a call meant for a transaction outside one', async () => {
    await expect(t.app.get(OrganisationsRepository).lock(crypto.randomUUID())).rejects.toThrow(
      /in a transaction only/,
    );
  });
});
