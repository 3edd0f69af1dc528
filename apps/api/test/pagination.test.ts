import { MAX_PAGE_SIZE } from '@nec/contracts';
import { necLocal2023 } from '@nec/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let alice: Client;
let instructor: Client;

// Five dossiers for Alice (two drafts, three submitted), none for anyone else.
beforeAll(async () => {
  t = await startTestApp();
  await insertCampaign(t, necLocal2023);
  alice = await applicant(t, 'alice-pages@example.org');
  instructor = await agent(t, 'instructor', 'instructeur-pages@example.org');
  await assignInstructor(t, necLocal2023.id, instructor.userId);
  const organisationId = await insertOrganisation(t, alice.userId, 'Association Pagine (fictive)');
  const states = ['draft', 'draft', 'submitted', 'submitted', 'submitted'] as const;
  for (const state of states) {
    await insertDossierRow(t, {
      campaign: necLocal2023,
      organisationId,
      createdBy: alice.userId,
      state,
    });
  }
});
afterAll(async () => {
  await t.close();
});

describe('every list is paged, with its total', () => {
  it('pages an applicant’s dossiers and says how many there are in all', async () => {
    const first = (await alice.get('/api/dossiers?pageSize=2').expect(200)).body;
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    const last = (await alice.get('/api/dossiers?pageSize=2&page=3').expect(200)).body;
    expect(last).toMatchObject({ total: 5, page: 3, pageSize: 2 });
    expect(last.items).toHaveLength(1);
    const pages = [first, (await alice.get('/api/dossiers?pageSize=2&page=2')).body, last];
    const ids = pages.flatMap((p: { items: { id: string }[] }) => p.items.map((d) => d.id));
    expect(new Set(ids).size).toBe(5);
    const beyond = (await alice.get('/api/dossiers?pageSize=2&page=4').expect(200)).body;
    expect(beyond).toMatchObject({ items: [], total: 5 });
  });

  it('counts only what the caller may see: an instructor gets the submitted ones', async () => {
    const page = (await instructor.get('/api/dossiers').expect(200)).body;
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(page.items).toHaveLength(3);
  });

  it('refuses a page size above the maximum or a page below 1, on the field', async () => {
    const tooBig = await alice.get(`/api/dossiers?pageSize=${MAX_PAGE_SIZE + 1}`).expect(400);
    expect(tooBig.body.fields.map((f: { path: string }) => f.path)).toEqual(['pageSize']);
    const zero = await alice.get('/api/dossiers?page=0').expect(400);
    expect(zero.body.fields.map((f: { path: string }) => f.path)).toEqual(['page']);
  });

  it('pages the short lists the same way (an applicant’s organisations)', async () => {
    const page = (await alice.get('/api/organisations/mine?pageSize=1').expect(200)).body;
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 1 });
  });
});
