import { charters, currentCharter, principles } from '@nec/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  charterListSchema,
  charterTextSchema,
  serviceContactsSchema,
  territoryPageSchema,
} from '@nec/contracts';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
const TODAY = '2026-11-29';

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${TODAY}T10:00:00Z`);
});
afterAll(async () => {
  await t.close();
});

const search = async (query: string) => {
  const res = await t.http().get(`/api/territories?${query}`).expect(200);
  return territoryPageSchema.parse(res.body);
};
const keys = (page: { items: { kind: string; code: string }[] }) =>
  page.items.map((i) => `${i.kind}:${i.code}`);

describe('GET /api/territories', () => {
  it('finds communes, EPCI, départements and régions by name, accents and case aside, publicly', async () => {
    const bretagne = await search('q=BRETAGNE&limit=1');
    expect(keys(bretagne)).toEqual(['region:53']);
    expect((await search('q=cote%20d%20or&kind=departement')).items[0]).toEqual({
      kind: 'departement',
      code: '21',
      name: "Côte-d'Or",
      departementCodes: ['21'],
      regionCodes: ['27'],
    });
    const communes = await search('q=saint-etienne&kind=commune&limit=3');
    expect(communes.items[0]!.name).toBe('Saint-Étienne');
    expect(communes.items.every((i) => i.kind === 'commune')).toBe(true);
  });

  it('finds by code, Outre-mer included', async () => {
    expect(keys(await search('q=974&kind=departement'))).toEqual(['departement:974']);
    expect(keys(await search('q=200039865'))).toEqual(['epci:200039865']);
    expect(keys(await search('q=reunion&kind=region'))).toEqual(['region:04']);
  });

  it('pages the matches with their total, and says caches may keep the answer', async () => {
    const res = await t.http().get('/api/territories?q=saint&kind=commune&limit=5').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    const first = territoryPageSchema.parse(res.body);
    const second = await search('q=saint&kind=commune&limit=5&offset=5');
    expect(first).toMatchObject({ limit: 5, offset: 0 });
    expect(first.total).toBeGreaterThan(1000);
    expect(second.total).toBe(first.total);
    expect(keys(second)).not.toContain(keys(first)[0]);
  });

  it('refuses a missing or over-long query, an unknown kind and an oversized page (400, field errors)', async () => {
    const paths = async (query: string) => {
      const res = await t.http().get(`/api/territories?${query}`);
      expect(res.status, query).toBe(400);
      return (res.body.fields as { path: string }[]).map((f) => f.path);
    };
    expect(await paths('')).toEqual(['q']);
    expect(await paths(`q=${'a'.repeat(101)}`)).toEqual(['q']);
    expect(await paths('q=metz&kind=canton')).toEqual(['kind']);
    expect(await paths('q=metz&limit=51')).toEqual(['limit']);
  });
});

describe('GET /api/charters', () => {
  it('lists the versions, the one in force today flagged', async () => {
    const res = await t.http().get('/api/charters').expect(200);
    const list = charterListSchema.parse(res.body);
    expect(list.items.map((c) => c.version).sort()).toEqual(charters.map((c) => c.version).sort());
    expect(list.items.filter((c) => c.current).map((c) => c.version)).toEqual([
      currentCharter(TODAY)!.version,
    ]);
  });

  it('reads the text of a version, with the seven principles; 404 for an unknown one', async () => {
    for (const charter of charters) {
      const res = await t.http().get(`/api/charters/${charter.version}`).expect(200);
      const text = charterTextSchema.parse(res.body);
      expect(text).toMatchObject({ id: charter.id, version: charter.version });
      expect(text.engagements).toEqual(charter.engagements);
      expect(text.principles.map((p) => p.title)).toEqual(principles.map((p) => p.title));
    }
    const unknown = await t.http().get('/api/charters/1999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('not-found');
  });
});

describe('GET /api/service-contacts', () => {
  it('says no address while the deployment has not set them', async () => {
    const res = await t.http().get('/api/service-contacts').expect(200);
    expect(serviceContactsSchema.parse(res.body)).toEqual({ contactEmail: null, dpoEmail: null });
  });

  it('gives the deployment’s addresses, publicly, and lets caches keep them a few minutes', async () => {
    const set = await startTestApp({
      NEC_CONTACT_EMAIL: 'contact@nec.example',
      NEC_DPO_EMAIL: 'dpd@nec.example',
    });
    try {
      const res = await set.http().get('/api/service-contacts').expect(200);
      expect(res.body).toEqual({
        contactEmail: 'contact@nec.example',
        dpoEmail: 'dpd@nec.example',
      });
      expect(res.headers['cache-control']).toBe('public, max-age=300');
    } finally {
      await set.close();
    }
  });
});
