import { campaignCharterRef, permanentNecLocalCampaign } from '@nec/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignDtoSchema } from '@nec/contracts';
import {
  applicant,
  completeNecLocalContent,
  insertCampaign,
  insertOrganisation,
  type Client,
} from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

// Late November: this year's call can no longer fund an event (its agreement ends on
// 31 December, and the lead time is 3 months).
const TODAY = '2026-11-29';

let t: TestApp;
let alice: Client;
let aliceOrg: string;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${TODAY}T10:00:00Z`);
  await insertCampaign(t, permanentNecLocalCampaign(2026));
  await insertCampaign(t, permanentNecLocalCampaign(2027));
  alice = await applicant(t, 'alice@example.org');
  aliceOrg = await insertOrganisation(t, alice.userId, 'Association des Octets (fictive)');
});
afterAll(async () => {
  await t.close();
});

const forEvent = (query: string) => t.http().get(`/api/campaigns/for-event?${query}`);

describe('GET /api/campaigns/for-event', () => {
  it('picks the campaign from the event date, publicly', async () => {
    const april = await forEvent('call=nec-local&date=2027-04-15').expect(200);
    expect(campaignDtoSchema.parse(april.body)).toMatchObject({
      id: 'nec-local-permanent-2027',
      status: 'open',
      opensOn: '2026-09-01',
    });
    const december = await forEvent('call=nec-local&date=2026-12-20').expect(200);
    expect(december.body.id).toBe('nec-local-permanent-2026');
  });

  it('answers 404 with a code when no call is open for that date, 400 on a bad query', async () => {
    const none = await forEvent('call=nec-local&date=2030-01-10');
    expect(none.status).toBe(404);
    expect(none.body.error).toBe('no-campaign-for-event');
    const bad = await forEvent('call=nec-local&date=2027-02-30');
    expect(bad.status).toBe(400);
    expect((bad.body.fields as { path: string }[]).map((f) => f.path)).toEqual(['date']);
    expect((await forEvent('call=autre&date=2027-04-15')).status).toBe(400);
  });

  it('lets a subsidy request filed on 29 November for an April event be eligible, and submitted', async () => {
    const campaign = (await forEvent('call=nec-local&date=2027-04-15').expect(200)).body as {
      id: string;
    };
    const created = await alice
      .post('/api/dossiers', { campaignId: campaign.id, organisationId: aliceOrg })
      .expect(201);
    const id = (created.body as { id: string }).id;
    const saved = await alice
      .put(`/api/dossiers/${id}/draft`, {
        version: 1,
        content: completeNecLocalContent('2027-04-15'),
      })
      .expect(200);
    const charter = campaignCharterRef(permanentNecLocalCampaign(2027))!;
    await alice
      .post(`/api/dossiers/${id}/charter-acceptance`, {
        charterId: charter.id,
        version: charter.version,
      })
      .expect(201);
    const verdict = await alice.get(`/api/dossiers/${id}/eligibility`).expect(200);
    expect(verdict.body.label.verdict).toBe('eligible');
    expect(verdict.body.subsidy).toMatchObject({ requested: true, verdict: 'eligible' });
    const submitted = await alice.post(`/api/dossiers/${id}/submit`, {
      version: saved.body.version,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  });
});
