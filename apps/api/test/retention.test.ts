import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialsPurgeService } from '../src/retention/credentials-purge.service.js';
import { applicant, type Client } from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

/** The daily purge of sessions and e-mailed links (docs/data.md). */
let t: TestApp;
let alice: Client;
let db: DataSource;

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600_000);
const hash = () => randomBytes(32).toString('hex');

beforeAll(async () => {
  t = await startTestApp();
  db = t.app.get(DataSource);
  alice = await applicant(t, 'alice.retention@example.org');
});
afterAll(async () => {
  await t.close();
});

async function session(expiresAt: Date): Promise<void> {
  await db.query(
    `INSERT INTO "sessions" ("token_hash", "user_id", "csrf_token", "expires_at") VALUES ($1, $2, 'x', $3)`,
    [hash(), alice.userId, expiresAt],
  );
}

async function link(purpose: string, expiresAt: Date, usedAt: Date | null): Promise<void> {
  await db.query(
    `INSERT INTO "one_time_tokens" ("user_id", "purpose", "token_hash", "expires_at", "used_at") VALUES ($1, $2, $3, $4, $5)`,
    [alice.userId, purpose, hash(), expiresAt, usedAt],
  );
}

const count = async (table: string): Promise<number> => {
  const rows: { n: string }[] = await db.query(
    `SELECT count(*) AS "n" FROM "${table}" WHERE "user_id" = $1`,
    [alice.userId],
  );
  return Number(rows[0]?.n);
};

describe('purge of sessions and links', () => {
  it('deletes what expired or was used more than NEC_TOKEN_RETENTION_DAYS (7) ago, keeps the rest', async () => {
    await session(daysAgo(10)); // gone
    await session(daysAgo(2)); // kept a while
    await link('reset-password', daysAgo(9), daysAgo(10)); // used long ago: gone
    await link('confirm-email', daysAgo(8), null); // expired long ago: gone
    await link('reset-password', daysAgo(-1), daysAgo(1)); // used yesterday: kept
    await link('reset-password', daysAgo(-1), null); // live: kept
    const sessionsBefore = await count('sessions');
    const linksBefore = await count('one_time_tokens');

    const purge = await t.app.get(CredentialsPurgeService).purge();

    expect(purge).toMatchObject({ sessions: 1, tokens: 2 });
    expect(purge.cutoff.getTime()).toBeCloseTo(daysAgo(7).getTime(), -4);
    expect(await count('sessions')).toBe(sessionsBefore - 1);
    expect(await count('one_time_tokens')).toBe(linksBefore - 2);
    // The live session still opens the account.
    await alice.get('/api/auth/session').expect(200);
    // Nothing left to purge: a second run deletes nothing.
    expect(await t.app.get(CredentialsPurgeService).purge()).toMatchObject({
      sessions: 0,
      tokens: 0,
    });
  });
});

describe('purge of invitations and requests to join', () => {
  it('deletes those over for more than NEC_MEMBERSHIP_REQUEST_RETENTION_DAYS (30), keeps the rest', async () => {
    const orgs: { id: string }[] = await db.query(
      `INSERT INTO "organisations" ("siret", "siren", "name", "category") VALUES ('99999050000010', '999990500', 'Association (fictive)', 'association') RETURNING "id"`,
    );
    const organisationId = orgs[0]!.id;
    const invitation = (email: string, status: string, expiresAt: Date, settledAt: Date | null) =>
      db.query(
        `INSERT INTO "organisation_invitations" ("organisation_id", "email", "token_hash", "status", "expires_at", "settled_at") VALUES ($1, $2, $3, $4, $5, $6)`,
        [organisationId, email, hash(), status, expiresAt, settledAt],
      );
    await invitation('a@example.org', 'accepted', daysAgo(30), daysAgo(35)); // gone
    await invitation('b@example.org', 'pending', daysAgo(31), null); // lapsed long ago: gone
    await invitation('c@example.org', 'revoked', daysAgo(-5), daysAgo(2)); // kept a while
    await invitation('d@example.org', 'pending', daysAgo(-5), null); // live: kept
    const request = (status: string, settledAt: Date | null) =>
      db.query(
        `INSERT INTO "organisation_join_requests" ("organisation_id", "requester_id", "status", "settled_at") VALUES ($1, $2, $3, $4)`,
        [organisationId, alice.userId, status, settledAt],
      );
    await request('declined', daysAgo(40)); // gone
    await request('cancelled', daysAgo(31)); // gone
    await request('accepted', daysAgo(3)); // kept a while
    await request('pending', null); // waiting: kept

    const purge = await t.app.get(CredentialsPurgeService).purge();

    expect(purge).toMatchObject({ invitations: 2, joinRequests: 2 });
    expect(purge.membershipCutoff.getTime()).toBeCloseTo(daysAgo(30).getTime(), -4);
    const left = await db.query(
      `SELECT "email" FROM "organisation_invitations" WHERE "organisation_id" = $1 ORDER BY "email"`,
      [organisationId],
    );
    expect(left).toEqual([{ email: 'c@example.org' }, { email: 'd@example.org' }]);
    const statuses = await db.query(
      `SELECT "status" FROM "organisation_join_requests" WHERE "organisation_id" = $1 ORDER BY "status"`,
      [organisationId],
    );
    expect(statuses).toEqual([{ status: 'accepted' }, { status: 'pending' }]);
  });
});
