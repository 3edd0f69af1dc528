import { addMonths, campaignCharterRef, permanentNecLocalCampaign, type Campaign } from '@nec/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicant,
  completeNecLocalContent,
  insertCampaign,
  insertOrganisation,
  type Client,
} from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let open: Campaign;
let alice: Client;
let aliceOrg: string;

const YEAR = new Date().getUTCFullYear();
const TODAY = `${YEAR}-03-02`;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${TODAY}T09:00:00Z`);
  open = permanentNecLocalCampaign(YEAR);
  await insertCampaign(t, open);
  alice = await applicant(t, 'alice@example.org');
  aliceOrg = await insertOrganisation(t, alice.userId, 'Association des Octets (fictive)');
});
afterAll(async () => {
  await t.close();
});

/** A draft holding `content`, with the campaign's charter accepted; returns its id and version. */
async function draftWith(content: Record<string, unknown>) {
  const created = await alice.post('/api/dossiers', { campaignId: open.id, organisationId: aliceOrg });
  expect(created.status).toBe(201);
  const id = (created.body as { id: string }).id;
  const saved = await alice.put(`/api/dossiers/${id}/draft`, { version: 1, content }).expect(200);
  const charter = campaignCharterRef(open)!;
  await alice
    .post(`/api/dossiers/${id}/charter-acceptance`, {
      charterId: charter.id,
      version: charter.version,
    })
    .expect(201);
  return { id, version: (saved.body as { version: number }).version, saved: saved.body };
}

describe('territory codes: syntax in the schemas, existence in the API', () => {
  it('reports an unknown commune in the draft and refuses to submit it', async () => {
    const content = completeNecLocalContent(addMonths(TODAY, 5));
    const area = [{ kind: 'commune', code: '57999' }];
    const { id, version, saved } = await draftWith({ ...content, area });
    expect(saved.draftIssues).toContainEqual(
      expect.objectContaining({ path: 'area.0.code', code: 'unknown-territory' }),
    );
    const res = await alice.post(`/api/dossiers/${id}/submit`, { version });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('incomplete-dossier');
    expect(res.body.fields).toContainEqual(
      expect.objectContaining({ path: 'area.0.code', code: 'unknown-territory' }),
    );
  });
});
