import { permanentNecLocalCampaign } from '@nec/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepository } from '../src/audit/audit.repository.js';
import { AuditRetentionService } from '../src/audit/audit-retention.service.js';
import {
  agent,
  applicant,
  assignInstructor,
  insertCampaign,
  insertDossierRow,
  insertOrganisation,
  type Client,
} from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let admin: Client;
let instructor: Client;
let dossierId: string;

beforeAll(async () => {
  t = await startTestApp();
  const campaign = permanentNecLocalCampaign(new Date().getUTCFullYear());
  await insertCampaign(t, campaign);
  const alice = await applicant(t, 'alice.audit@example.org');
  admin = await agent(t, 'admin', 'admin.audit@example.org');
  instructor = await agent(t, 'instructor', 'instructeur.audit@example.org');
  await assignInstructor(t, campaign.id, instructor.userId);
  const organisationId = await insertOrganisation(t, alice.userId, 'Association (fictive)');
  dossierId = await insertDossierRow(t, {
    campaign,
    organisationId,
    createdBy: alice.userId,
    state: 'under-review',
  });
  await instructor.get(`/api/dossiers/${dossierId}`).expect(200);
  await instructor.get(`/api/dossiers/${dossierId}/eligibility`).expect(200);
  await instructor.get('/api/dossiers').expect(200);
  await instructor.get('/api/instruction/dossiers').expect(200);
  await admin.get('/api/admin/agents').expect(200);
});
afterAll(async () => {
  await t.close();
});

interface Page {
  items: { id: string; action: string; actorId: string; subjectId: string | null; at: string }[];
  total: number;
  page: number;
  pageSize: number;
}
const read = async (url: string): Promise<Page> => (await admin.get(url).expect(200)).body as Page;

describe('admins read the audit trail', () => {
  it('audits every read of personal data by an agent, lists included', async () => {
    const page = await read(`/api/admin/audit?actorId=${instructor.userId}`);
    expect(page.items.map((i) => i.action).sort()).toEqual(
      expect.arrayContaining([
        'dossier.list-read',
        'dossier.read',
        'instruction.queue-read',
        'session.sign-in',
      ]),
    );
    const eligibility = await read(
      `/api/admin/audit?actorId=${instructor.userId}&action=dossier.read`,
    );
    expect(eligibility.total).toBe(2); // the dossier, and its eligibility
    const agents = await read(`/api/admin/audit?action=agent.list-read`);
    expect(agents.items[0]?.actorId).toBe(admin.userId);
  });

  it('filters by action, subject and date range, and paginates with the total', async () => {
    const all = await read(`/api/admin/audit?actorId=${instructor.userId}`);
    expect(all.total).toBe(all.items.length);
    const first = await read(`/api/admin/audit?actorId=${instructor.userId}&pageSize=2`);
    const second = await read(`/api/admin/audit?actorId=${instructor.userId}&pageSize=2&page=2`);
    expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(second.items[0]?.id).toBe(all.items[2]?.id);
    // Newest first.
    expect(all.items.map((i) => Number(i.id))).toEqual(
      [...all.items.map((i) => Number(i.id))].sort((a, b) => b - a),
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await read(`/api/admin/audit?from=${today}&to=${today}&actorId=${instructor.userId}`)).total,
    ).toBe(all.total);
    expect((await read(`/api/admin/audit?to=2020-01-01`)).total).toBe(0);
    const reversed = await admin.get('/api/admin/audit?from=2026-02-02&to=2026-01-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.fields[0].path).toBe('to');
  });

  it('gives one dossier’s trail', async () => {
    const page = await read(`/api/admin/audit/dossiers/${dossierId}`);
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.items.every((i) => i.subjectId === dossierId)).toBe(true);
  });

  it('audits the reading of the trail itself, and forbids caching it', async () => {
    const res = await admin.get('/api/admin/audit?action=audit.read').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect((res.body as Page).total).toBeGreaterThan(0);
  });

  it('is for admins only', async () => {
    expect((await instructor.get('/api/admin/audit')).status).toBe(403);
  });
});

describe('retention', () => {
  it('purges entries older than the retention period (12 months by default), keeps the rest', async () => {
    const repository = t.app.get(AuditRepository);
    const monthsAgo = (months: number) => {
      const at = new Date();
      at.setUTCMonth(at.getUTCMonth() - months);
      return at;
    };
    const entry = (action: string) => ({
      actorId: null,
      actorRole: 'admin',
      action,
      subjectType: 'test',
      subjectId: null,
      details: {},
    });
    await repository.append(entry('test.old'), monthsAgo(13));
    await repository.append(entry('test.recent'), monthsAgo(11));
    const { deleted, cutoff } = await t.app.get(AuditRetentionService).purge();
    expect(deleted).toBe(1);
    expect(cutoff.getTime()).toBeLessThan(monthsAgo(11).getTime());
    expect((await read('/api/admin/audit?action=test.old')).total).toBe(0);
    expect((await read('/api/admin/audit?action=test.recent')).total).toBe(1);
  });
});
