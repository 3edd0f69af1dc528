import type { DistributionDto, OverviewDto, TableSchema } from '@nec/contracts';
import {
  addDays,
  aggregateBilans,
  type AggregateOptions,
  attendeeBucketEdges,
  type BilanAggregate,
  bilanRatioKeys,
  type BreakdownRow,
  keyFigureDefinitions,
  recordFigureKeys,
  comparePeriods,
  distribution,
  dossierSchemas,
  hasAllMalePanel,
  nationalEditionTotals,
  nationalEditions,
  previousPeriodOf,
  reportingDistributions,
} from '@nec/domain';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryEntity } from '../src/audit/audit-entry.entity.js';
import { BilansRepository } from '../src/bilans/bilans.repository.js';
import { reportingColumnsOf } from '../src/bilans/reporting-columns.js';
import { ReportingFigures1765300000000 } from '../src/database/migrations/1765300000000-reporting-figures.js';
import { historyEventsPerYear } from '@nec/domain/history';
import { seedDemo } from '../src/seed/seed.service.js';
import { agent, applicant, type Client } from './fixtures.js';
import { startTestApp, testDatabaseKind, type TestApp } from './harness.js';

const NOW = '2026-11-23T10:00:00Z';
const TODAY = '2026-11-23';

let t: TestApp;
let analyst: Client;
let admin: Client;
let seedMs = 0;
/** Organisation names and dossier titles present in the database: none may leak into reporting. */
let secrets: string[] = [];
const responses: string[] = [];

const headlineOf = (aggregate: BilanAggregate) => ({
  count: aggregate.count,
  totals: aggregate.totals,
  medians: aggregate.medians,
  ...Object.fromEntries(bilanRatioKeys.map((key) => [key, aggregate[key]])),
});

async function aggregate(from?: string, to?: string): Promise<BilanAggregate> {
  const filters = { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
  return aggregateBilans(await t.app.get(BilansRepository).listRecords(filters));
}

async function read(client: Client, url: string, status = 200) {
  const res = await client.get(url);
  expect(res.status, `${url} → ${JSON.stringify(res.body)}`).toBe(status);
  responses.push(res.text);
  return res;
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(NOW);
  const started = performance.now();
  await seedDemo(t.app, { history: true });
  seedMs = performance.now() - started;
  analyst = await agent(t, 'analyst', 'analyste.reporting@example.org');
  admin = await agent(t, 'admin', 'admin.reporting@example.org');
  const db = t.app.get(DataSource);
  const names: { name: string }[] = await db.query(`SELECT name FROM organisations`);
  const titles: { title: string | null }[] = await db.query(`SELECT title FROM dossiers`);
  secrets = [...names.map((n) => n.name), ...titles.flatMap((d) => (d.title ? [d.title] : []))];
}, 120_000);

afterAll(async () => {
  await t.close();
});

describe('the fictitious history (seed)', () => {
  it(`seeds ${historyEventsPerYear} NEC locals a year since 2019, each accepted, held and with its bilan submitted`, async () => {
    console.info(`seed with history (${testDatabaseKind}): ${Math.round(seedMs)} ms`);
    expect(seedMs).toBeLessThan(testDatabaseKind === 'embedded' ? 20_000 : 30_000);
    const records = await t.app.get(BilansRepository).listRecords();
    expect(records).toHaveLength(historyEventsPerYear * (2026 - 2019 + 1));
    const db = t.app.get(DataSource);
    const states: { state: string; n: number }[] = await db.query(
      `SELECT d.state, count(*)::int AS n FROM dossiers d JOIN bilans b ON b.dossier_id = d.id GROUP BY d.state ORDER BY d.state`,
    );
    expect(states.map((s) => s.state).every((s) => s === 'bilan-submitted' || s === 'closed')).toBe(
      true,
    );
    const contents: { content: unknown }[] = await db.query(
      `SELECT d.content FROM dossiers d JOIN bilans b ON b.dossier_id = d.id`,
    );
    for (const { content } of contents)
      expect(dossierSchemas['nec-local'].submission.safeParse(content).success).toBe(true);
  });
});

describe('reporting figures equal the domain’s on the same records', () => {
  const periods: [string | undefined, string | undefined][] = [
    [undefined, undefined],
    ['2021-01-01', '2021-12-31'],
    ['2019-03-15', '2023-06-30'],
    ['2026-01-01', TODAY],
    ['2010-01-01', '2010-12-31'], // empty
  ];
  const query = (from?: string, to?: string) => {
    const params = new URLSearchParams();
    if (from) params.set('from', from);
    if (to) params.set('to', to);
    const text = params.toString();
    return text ? `?${text}` : '';
  };

  it('overview: the last 12 months by default, against the 12 months before', async () => {
    const res = await read(analyst, '/api/reporting/overview');
    expect(res.body.period).toEqual({ from: '2025-11-24', to: TODAY });
    expect(res.body.previousPeriod).toEqual({ from: '2024-11-24', to: '2025-11-23' });
    const current = await aggregate('2025-11-24', TODAY);
    const previous = await aggregate('2024-11-24', '2025-11-23');
    expect(current.count).toBeGreaterThan(5);
    expect(res.body.current).toEqual(headlineOf(current));
    expect(res.body.previous).toEqual(headlineOf(previous));
    expect(res.body.changes).toEqual(comparePeriods(current, previous));
  });

  it.each(periods.filter(([from, to]) => from && to))(
    'overview of %s → %s and the period before',
    async (from, to) => {
      const res = await read(admin, `/api/reporting/overview${query(from, to)}`);
      const { previousPeriod } = res.body as { previousPeriod: { from: string; to: string } };
      expect(previousPeriod.to).toBe(addDays(from!, -1));
      const current = await aggregate(from, to);
      const previous = await aggregate(previousPeriod.from, previousPeriod.to);
      expect(res.body.current).toEqual(headlineOf(current));
      expect(res.body.previous).toEqual(headlineOf(previous));
      expect(res.body.changes).toEqual(comparePeriods(current, previous));
    },
  );

  it('overview of an empty period: zeros and nulls, as the domain', async () => {
    const res = await read(analyst, '/api/reporting/overview?from=2010-01-01&to=2010-12-31');
    expect(res.body.current.count).toBe(0);
    expect(res.body.current.medians).toEqual({
      attendees: null,
      expensesCents: null,
      costPerAttendeeCents: null,
    });
    expect(res.body.current.parityRatio).toBeNull();
    expect(res.body.current.subsidyPerAttendeeCents).toBeNull();
    expect(res.body.current.lesBasesShare).toBeNull();
    expect(res.body.current.totals.allMalePanelEvents).toBe(0);
  });

  it('counts discovery stands, all-male panels, Les Bases and the subsidy per attendee as the domain', async () => {
    const res = await read(analyst, `/api/reporting/overview?from=2019-01-01&to=${TODAY}`);
    const expected = await aggregate('2019-01-01', TODAY);
    // The history has some of each, so that equal figures say something.
    expect(expected.totals.discoveryStands).toBeGreaterThan(expected.count);
    expect(expected.totals.allMalePanelEvents).toBeGreaterThan(0);
    expect(expected.totals.allMalePanelEvents).toBeLessThan(expected.count / 4);
    expect(expected.lesBasesShare).toBeGreaterThan(0.1);
    expect(expected.lesBasesShare).toBeLessThan(0.9);
    expect(expected.subsidyPerAttendeeCents).toBeGreaterThan(500);
    expect(res.body.current).toEqual(headlineOf(expected));
    expect(res.body.changes.lesBasesShare.current).toBe(expected.lesBasesShare);
  });

  const dimensions = {
    region: 'byRegion',
    departement: 'byDepartement',
    theme: 'byTheme',
    'theme-family': 'byThemeFamily',
    'event-mode': 'byEventMode',
    'porteur-category': 'byPorteurCategory',
    'call-kind': 'byCallKind',
    year: 'byYear',
    month: 'byMonth',
  } as const satisfies Record<string, keyof BilanAggregate>;

  for (const [from, to] of periods) {
    it(`breakdowns of every dimension, ${from ?? '…'} → ${to ?? '…'}`, async () => {
      const expected = await aggregate(from, to);
      for (const [dimension, key] of Object.entries(dimensions)) {
        const res = await read(analyst, `/api/reporting/breakdowns/${dimension}${query(from, to)}`);
        expect(res.body.dimension).toBe(dimension);
        expect(res.body.rows, dimension).toEqual(expected[key]);
      }
    });

    it(`attendee distribution, ${from ?? '…'} → ${to ?? '…'}`, async () => {
      const res = await read(admin, `/api/reporting/distributions/attendees${query(from, to)}`);
      const filters = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      const expected = distribution(
        await t.app.get(BilansRepository).listRecords(filters),
        'attendees',
        attendeeBucketEdges,
      );
      if (!expected.ok) throw new Error('edges');
      expect(res.body).toEqual({
        figure: 'attendees',
        period: { from: from ?? null, to: to ?? null },
        edges: [...attendeeBucketEdges],
        ...expected.value,
      });
    });
  }

  it('national editions side by side, with the domain’s totals', async () => {
    const res = await read(analyst, '/api/reporting/national-editions');
    const sorted = [...nationalEditions].sort((a, b) => a.year - b.year);
    expect(res.body).toEqual({ editions: sorted, totals: nationalEditionTotals(sorted) });
  });

  it('refuses unknown parameters, malformed dates, inverted periods and unknown dimensions (400)', async () => {
    for (const url of [
      '/api/reporting/overview?year=2024',
      '/api/reporting/overview?from=2024-02-30',
      '/api/reporting/overview?from=2024-05-01&to=2024-04-01',
      '/api/reporting/breakdowns/region?to=demain',
      '/api/reporting/breakdowns/organisation',
      '/api/reporting/distributions/attendees?from=2024-01-01&limit=3',
    ]) {
      const res = await analyst.get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error, url).toBe('invalid-request');
      expect(res.body.fields.length, url).toBeGreaterThan(0);
    }
  });

  it('never shows a name: no organisation name nor dossier title in any reporting response', () => {
    expect(secrets.length).toBeGreaterThan(100);
    expect(responses.length).toBeGreaterThan(40);
    for (const text of responses) {
      for (const secret of secrets) expect(text.includes(secret), secret).toBe(false);
      expect(text).not.toMatch(/fictif|fictive|@/);
    }
  });

  it('is for analysts and admins only; an applicant gets 403', async () => {
    const someone = await applicant(t, 'porteuse.reporting@example.org');
    expect((await someone.get('/api/reporting/overview')).status).toBe(403);
    expect((await t.http().get('/api/reporting/overview')).status).toBe(401);
  });
});

describe('filtered reporting equals aggregateBilans with the same options', () => {
  const all = () => t.app.get(BilansRepository).listRecords();
  const combos: [string, AggregateOptions][] = [
    [
      'regions=44,84&from=2019-01-01&to=2026-11-23',
      { regions: ['44', '84'], from: '2019-01-01', to: TODAY },
    ],
    [
      'eventModes=online&from=2022-01-01&to=2024-12-31',
      { eventModes: ['online'], from: '2022-01-01', to: '2024-12-31' },
    ],
    [
      'themes=digital-inclusion&themeFamilies=ecology-sustainability&from=2019-01-01&to=2026-11-23',
      {
        themes: ['digital-inclusion'],
        themeFamilies: ['ecology-sustainability'],
        from: '2019-01-01',
        to: TODAY,
      },
    ],
    [
      'porteurCategories=association,tiers-lieu&callKinds=nec-local&departements=57,2A,971&from=2019-01-01&to=2026-11-23',
      {
        porteurCategories: ['association', 'tiers-lieu'],
        callKinds: ['nec-local'],
        departements: ['57', '2A', '971'],
        from: '2019-01-01',
        to: TODAY,
      },
    ],
  ];

  it.each(combos)('overview ?%s', async (url, options) => {
    const res = await read(analyst, `/api/reporting/overview?${url}`);
    const records = await all();
    const current = aggregateBilans(records, options);
    const previous = aggregateBilans(records, {
      ...options,
      ...previousPeriodOf({ from: options.from!, to: options.to! }),
    });
    expect(res.body.current).toEqual(headlineOf(current));
    expect(res.body.previous).toEqual(headlineOf(previous));
    expect(res.body.changes).toEqual(comparePeriods(current, previous));
    expect(res.body.provenance.bilans).toBe(current.count);
  });

  it.each(combos)('breakdowns and distributions ?%s', async (url, options) => {
    const expected = aggregateBilans(await all(), options);
    for (const [dimension, key] of [
      ['departement', 'byDepartement'],
      ['theme', 'byTheme'],
      ['month', 'byMonth'],
      ['porteur-category', 'byPorteurCategory'],
    ] as const) {
      const res = await read(analyst, `/api/reporting/breakdowns/${dimension}?${url}`);
      expect(res.body.rows, dimension).toEqual(expected[key]);
    }
    const kept = (await all()).filter((record) => aggregateBilans([record], options).count === 1);
    for (const [name, field] of [
      ['attendees', 'attendees'],
      ['expenses', 'expensesCents'],
      ['cost-per-attendee', 'costPerAttendeeCents'],
    ] as const) {
      const res = await read(admin, `/api/reporting/distributions/${name}?${url}`);
      const want = distribution(kept, field, reportingDistributions[field]);
      if (!want.ok) throw new Error('edges');
      expect(res.body, name).toMatchObject({ figure: name, ...want.value });
    }
  });

  it('says where the figures come from: bilans counted, their calls, the latest submitted', async () => {
    const res = await read(analyst, '/api/reporting/overview?from=2019-01-01&to=2026-11-23');
    const { provenance } = res.body as {
      provenance: {
        bilans: number;
        latestSubmittedAt: string;
        calls: { campaignId: string; bilans: number; year: number }[];
      };
    };
    expect(provenance.bilans).toBe(res.body.current.count);
    expect(provenance.calls.reduce((sum, call) => sum + call.bilans, 0)).toBe(provenance.bilans);
    expect(provenance.calls.map((call) => call.campaignId)).toContain('nec-local-permanent-2024');
    const db = t.app.get(DataSource);
    const [latest] = await db.query<{ at: Date | string }[]>(
      `SELECT max(submitted_at) AS "at" FROM bilans WHERE submitted_at IS NOT NULL AND event_date BETWEEN '2019-01-01' AND '2026-11-23'`,
    );
    expect(provenance.latestSubmittedAt).toBe(new Date(latest!.at).toISOString());
  });

  it('lists the events kept, latest first, and shows one bilan without names', async () => {
    const res = await read(
      analyst,
      '/api/reporting/events?regions=44&pageSize=5&from=2019-01-01&to=2026-11-23',
    );
    const expected = aggregateBilans(await all(), {
      regions: ['44'],
      from: '2019-01-01',
      to: TODAY,
    });
    expect(res.body.total).toBe(expected.count);
    expect(res.body.items.length).toBe(Math.min(5, expected.count));
    const dates = (res.body.items as { eventDate: string }[]).map((item) => item.eventDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const first = res.body.items[0] as { id: string; regionCode: string };
    expect(first.regionCode).toBe('44');
    const one = await read(analyst, `/api/reporting/events/${first.id}`);
    expect(one.body.id).toBe(first.id);
    expect(one.body.bilan.attendees).toBeGreaterThan(0);
    expect(one.body.bilan).not.toHaveProperty('team');
    expect(one.body.bilan).not.toHaveProperty('comments');
    expect(one.body).not.toHaveProperty('dossierId');
    const missing = await analyst.get('/api/reporting/events/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect((await analyst.get('/api/reporting/events/pas-un-id')).status).toBe(400);
  });

  it('lists the events with an all-male panel (and the others) as the domain counts them', async () => {
    const options = { regions: ['11', '44', '84', '93'], from: '2019-01-01', to: TODAY };
    const kept = (await all()).filter((record) => aggregateBilans([record], options).count === 1);
    const allMale = kept.filter((record) => hasAllMalePanel(record.bilan.speakers));
    expect(allMale.length).toBeGreaterThan(0);
    expect(allMale.length).toBe(aggregateBilans(kept).totals.allMalePanelEvents);
    const url = `/api/reporting/events?regions=11,44,84,93&from=2019-01-01&to=${TODAY}&pageSize=100`;
    const yes = await read(analyst, `${url}&allMalePanel=true`);
    expect(yes.body.total).toBe(allMale.length);
    const ids = (yes.body.items as { id: string }[]).map((item) => item.id);
    expect(allMale.length).toBeLessThanOrEqual(100); // one page holds them all
    expect(new Set(ids)).toEqual(new Set(allMale.map((record) => record.id)));
    const no = await read(analyst, `${url}&allMalePanel=false`);
    expect(no.body.total).toBe(kept.length - allMale.length);
    const refused = await analyst.get('/api/reporting/events?allMalePanel=oui');
    expect(refused.status).toBe(400);
    expect(refused.body.fields[0].path).toBe('allMalePanel');
  });

  it('refuses malformed filters (400)', async () => {
    for (const url of [
      '/api/reporting/overview?regions=4',
      '/api/reporting/breakdowns/theme?eventModes=cinema',
      '/api/reporting/distributions/salaries',
      '/api/reporting/events?pageSize=1000',
    ]) {
      const res = await analyst.get(url);
      expect(res.status, url).toBe(400);
    }
  });

  it('serves the network-wide figures, the map and the editions to everyone, without finer filters', async () => {
    const anyone = t.http();
    const overview = await anyone.get(
      '/api/public/reporting/overview?from=2024-01-01&to=2024-12-31',
    );
    expect(overview.status).toBe(200);
    responses.push(overview.text);
    expect(overview.body.current).toEqual(headlineOf(await aggregate('2024-01-01', '2024-12-31')));
    const map = await anyone.get(
      '/api/public/reporting/breakdowns/departement?from=2024-01-01&to=2024-12-31',
    );
    expect(map.status).toBe(200);
    expect(map.body.rows).toEqual((await aggregate('2024-01-01', '2024-12-31')).byDepartement);
    expect((await anyone.get('/api/public/reporting/national-editions')).status).toBe(200);
    expect((await anyone.get('/api/public/reporting/overview?regions=44')).status).toBe(400);
    expect((await anyone.get('/api/public/reporting/breakdowns/theme')).status).toBe(400);
    expect((await anyone.get('/api/reporting/events')).status).toBe(401);
  });
});

// ── open data ──────────────────────────────────────────────────────────────

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF or LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Checks rows against a Frictionless Table Schema: header, types, constraints, missing values, primary key. */
function validateAgainstTableSchema(schema: TableSchema, rows: string[][]): string[] {
  const errors: string[] = [];
  const [header, ...data] = rows;
  if (JSON.stringify(header) !== JSON.stringify(schema.fields.map((f) => f.name)))
    errors.push(`header ${JSON.stringify(header)}`);
  const keys = new Set<string>();
  data.forEach((cells, r) => {
    if (cells.length !== schema.fields.length) errors.push(`row ${r + 2}: ${cells.length} cells`);
    schema.fields.forEach((field, c) => {
      const raw = cells[c] ?? '';
      const where = `row ${r + 2}, ${field.name} = ${JSON.stringify(raw)}`;
      if (schema.missingValues.includes(raw)) {
        if (field.constraints.required) errors.push(`${where}: required`);
        return;
      }
      let value: number | string = raw;
      if (field.type === 'integer') {
        if (!/^[+-]?\d+$/.test(raw)) errors.push(`${where}: not an integer`);
        value = Number(raw);
      } else if (field.type === 'number') {
        if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(raw))
          errors.push(`${where}: not a number`);
        value = Number(raw);
      }
      if (
        field.constraints.minimum !== undefined &&
        typeof value === 'number' &&
        value < field.constraints.minimum
      )
        errors.push(`${where}: below ${field.constraints.minimum}`);
      if (
        field.constraints.pattern !== undefined &&
        !new RegExp(`^(?:${field.constraints.pattern})$`).test(raw)
      )
        errors.push(`${where}: pattern`);
    });
    const key = JSON.stringify(
      schema.primaryKey.map((name) => cells[schema.fields.findIndex((f) => f.name === name)]),
    );
    if (keys.has(key)) errors.push(`row ${r + 2}: duplicate key ${key}`);
    keys.add(key);
  });
  return errors;
}

describe('open data', () => {
  it('serves a Frictionless Table Schema with French titles, constraints, missing values and a primary key', async () => {
    const res = await t.http().get('/api/open-data/nec-locaux.schema.json').expect(200);
    const schema = res.body as TableSchema;
    expect(schema.primaryKey).toEqual(['year', 'region_code']);
    expect(schema.missingValues).toEqual(['']);
    for (const field of schema.fields) {
      expect(field.name).toMatch(/^[a-z_]+$/);
      expect(field.title.length).toBeGreaterThan(3);
      expect(['integer', 'number', 'string']).toContain(field.type);
      expect(field.constraints.required).toBe(true);
    }
  });

  it('streams a CSV (UTF-8, comma, header row) valid against the schema served, with the domain’s sums', async () => {
    const schema = (await t.http().get('/api/open-data/nec-locaux.schema.json').expect(200))
      .body as TableSchema;
    const res = await t
      .http()
      .get('/api/open-data/nec-locaux.csv')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = res.body as string;
    const rows = parseCsv(text);
    expect(validateAgainstTableSchema(schema, rows)).toEqual([]);
    expect(text).toContain('Provence-Alpes-Côte d');

    // Per year, the rows add up to the domain's figures over the records that have a région.
    const names = schema.fields.map((f) => f.name);
    const col = (cells: string[], name: string) => Number(cells[names.indexOf(name)]);
    const records = (await t.app.get(BilansRepository).listRecords()).filter(
      (r) => r.regionCode !== undefined,
    );
    const byYear = aggregateBilans(records).byYear;
    for (const year of byYear) {
      const lines = rows.slice(1).filter((cells) => col(cells, 'year') === year.key);
      const sum = (name: string) => lines.reduce((total, cells) => total + col(cells, name), 0);
      expect(sum('events')).toBe(year.count);
      expect(sum('attendees')).toBe(year.attendees);
      expect(sum('women_speakers')).toBe(year.womenSpeakers);
      expect(Math.round(sum('expenses_eur') * 100)).toBe(year.expensesCents);
      expect(Math.round(sum('subsidies_eur') * 100)).toBe(year.subsidyCents);
    }
    for (const secret of secrets) expect(text.includes(secret)).toBe(false);
  });
});

// ── the dashboard as a workbook ─────────────────────────────────────────────

/** The workbook an analyst downloads, read back with exceljs. */
async function downloadWorkbook(client: Client, url: string): Promise<ExcelJS.Workbook> {
  const res = await client
    .get(url)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="tableau-de-bord-/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as ArrayBuffer);
  return workbook;
}

/** A sheet's rows below its header, as plain values. */
const rowsOf = (workbook: ExcelJS.Workbook, name: string): unknown[][] => {
  const sheet = workbook.getWorksheet(name);
  expect(sheet, name).toBeDefined();
  const rows: unknown[][] = [];
  sheet!.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
};

/** A figure as the workbook holds it: euros for cents, shares as they are, points × 100. */
const inSheet = (value: number | null, kind: 'count' | 'cents' | 'share' | 'points') => {
  if (value === null) return undefined;
  if (kind === 'cents') return value / 100;
  if (kind === 'points') return Math.round(value * 10_000) / 100;
  return value;
};

describe('the dashboard as an Excel workbook', () => {
  const query = `regions=84,44&from=2019-01-01&to=${TODAY}`;

  it('holds the overview’s key figures with the previous period, as the JSON', async () => {
    const workbook = await downloadWorkbook(analyst, `/api/reporting/workbook.xlsx?${query}`);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'À propos',
      'Chiffres clés',
      'Par région',
      'Par département',
      'Par thème',
      'Par famille de thèmes',
      'Par format',
      'Par catégorie de porteur',
      'Par appel',
      'Par année',
      'Par mois',
      'Tranches de public',
      'Tranches de budget réalisé',
      'Tranches de coût par personne',
    ]);
    const overview = (await read(analyst, `/api/reporting/overview?${query}`)).body as OverviewDto;
    const rows = rowsOf(workbook, 'Chiffres clés');
    expect(rows.map((row) => row[0])).toEqual(keyFigureDefinitions.map((f) => f.label));
    keyFigureDefinitions.forEach((figure, i) => {
      const change = figure.change(overview.changes);
      const [, current, previous, delta, percent, definition] = rows[i]!;
      expect(current, figure.id).toBe(inSheet(figure.value(overview.current), figure.unit));
      expect(previous, figure.id).toBe(inSheet(figure.value(overview.previous), figure.unit));
      const unit = figure.unit === 'share' ? 'points' : figure.unit;
      expect(delta, figure.id).toBe(inSheet(change.change, unit));
      expect(percent, figure.id).toBe(
        change.changePercent === null ? undefined : change.changePercent / 100,
      );
      expect(definition).toBe(figure.definition);
    });
    const about = rowsOf(workbook, 'À propos');
    expect(about[2]).toEqual(['Filtres', 'Régions : Grand Est, Auvergne-Rhône-Alpes']);
    expect(about[3]).toEqual(['Bilans comptés', overview.provenance.bilans]);
    const text = JSON.stringify(workbook.worksheets.map((sheet) => sheet.getSheetValues()));
    for (const secret of secrets) expect(text.includes(secret), secret).toBe(false);
    expect(text).not.toMatch(/fictif|fictive|@/);
  });

  it('holds each breakdown and distribution as the JSON, over the same period', async () => {
    const workbook = await downloadWorkbook(admin, `/api/reporting/workbook.xlsx?${query}`);
    const region = (await read(admin, `/api/reporting/breakdowns/region?${query}`)).body
      .rows as BreakdownRow<string>[];
    expect(rowsOf(workbook, 'Par région')).toEqual(
      region.map((row) => [
        row.key === '84' ? 'Auvergne-Rhône-Alpes' : 'Grand Est',
        row.key,
        row.count,
        ...recordFigureKeys.map((key) =>
          inSheet(row[key], key.endsWith('Cents') ? 'cents' : 'count'),
        ),
        ...bilanRatioKeys.map((key) =>
          inSheet(row[key], key.endsWith('Cents') ? 'cents' : 'share'),
        ),
      ]),
    );
    const months = (await read(admin, `/api/reporting/breakdowns/month?${query}`)).body.rows;
    expect(rowsOf(workbook, 'Par mois').map((row) => [row[1], row[2]])).toEqual(
      (months as BreakdownRow<string>[]).map((row) => [row.key, row.count]),
    );
    const costs = (await read(admin, `/api/reporting/distributions/cost-per-attendee?${query}`))
      .body as DistributionDto;
    const buckets = rowsOf(workbook, 'Tranches de coût par personne');
    expect(buckets.map((row) => row[3])).toEqual([
      ...costs.buckets.map((bucket) => bucket.count),
      costs.skipped,
    ]);
    // Intl writes a narrow no-break space before €: compared as a plain space.
    expect(String(buckets[0]?.[0]).replace(/\s/gu, ' ')).toBe('de 0 € à moins de 20 €');
    expect(buckets[0]?.slice(1, 3)).toEqual([0, 20]);
  });

  it('takes the default twelve months and is audited with its filters', async () => {
    const workbook = await downloadWorkbook(analyst, '/api/reporting/workbook.xlsx');
    const overview = (await read(analyst, '/api/reporting/overview')).body as OverviewDto;
    expect(rowsOf(workbook, 'Chiffres clés')[0]?.[1]).toBe(overview.current.count);
    expect(rowsOf(workbook, 'Par année').reduce((n, row) => n + Number(row[2]), 0)).toBe(
      overview.current.count,
    );
    const entries = await t.app
      .get(DataSource)
      .getRepository(AuditEntryEntity)
      .find({ where: { action: 'export.reporting-workbook' }, order: { id: 'ASC' } });
    expect(entries).toHaveLength(3);
    expect(entries[0]?.details).toMatchObject({
      format: 'xlsx',
      filters: { regions: ['84', '44'], from: '2019-01-01', to: TODAY },
    });
    expect((await analyst.get('/api/reporting/workbook.xlsx?regions=4')).status).toBe(400);
  });
});

describe('migration 1765300000000 (reporting figures)', () => {
  it('fills the new columns of bilans submitted before it, from their content', async () => {
    const db = t.app.get(DataSource);
    const runner = db.createQueryRunner();
    try {
      // As if the bilans had been submitted before the migration: undo it, then apply it.
      await new ReportingFigures1765300000000().down(runner);
      await new ReportingFigures1765300000000().up(runner);
    } finally {
      await runner.release();
    }
    const [missing] = await db.query(
      `SELECT count(*)::int AS "n" FROM reporting_facts WHERE discovery_stands IS NULL OR les_bases IS NULL`,
    );
    expect(missing.n).toBe(0);
    const rows: { id: string; discoveryStands: number; lesBases: boolean }[] = await db.query(
      `SELECT bilan_id AS "id", discovery_stands AS "discoveryStands", les_bases AS "lesBases" FROM reporting_facts`,
    );
    const records = await t.app.get(BilansRepository).listRecords();
    expect(rows).toHaveLength(records.length);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const record of records) {
      const columns = reportingColumnsOf(record);
      expect(byId.get(record.id), record.id).toEqual({
        id: record.id,
        discoveryStands: columns.discoveryStands,
        lesBases: columns.lesBases,
      });
    }
    const res = await read(analyst, `/api/reporting/overview?from=2019-01-01&to=${TODAY}`);
    expect(res.body.current).toEqual(headlineOf(await aggregate('2019-01-01', TODAY)));
  });
});

describe('reporting cache', () => {
  it('serves fresh figures as soon as a bilan changes (trigger-versioned cache)', async () => {
    const url = '/api/reporting/overview?from=2015-01-01&to=2030-12-31';
    const before = await analyst.get(url).expect(200);
    const again = await analyst.get(url).expect(200);
    expect(again.body).toEqual(before.body);
    const db = t.app.get(DataSource);
    const [row] = await db.query(
      `SELECT id FROM bilans WHERE submitted_at IS NOT NULL AND attendees IS NOT NULL ORDER BY id LIMIT 1`,
    );
    await db.query(`UPDATE bilans SET attendees = attendees + 7 WHERE id = $1`, [row.id]);
    try {
      const after = await analyst.get(url).expect(200);
      expect(after.body.current.totals.attendees).toBe(before.body.current.totals.attendees + 7);
    } finally {
      await db.query(`UPDATE bilans SET attendees = attendees - 7 WHERE id = $1`, [row.id]);
    }
    const restored = await analyst.get(url).expect(200);
    expect(restored.body).toEqual(before.body);
  });
});
