#!/usr/bin/env node
// Reporting bench: 100,000 submitted bilans in a fresh database, then
// 1. the FIRST (uncached) answer of the overview, breakdown, map and distribution routes for a dozen
//    filter combinations (each combination a cache miss), p50/p95 per route;
// 2. the cached overview, sequential and concurrent;
// 3. the domain's in-memory aggregateBilans on the same records, and whether SQL and domain agree.
// Prints the figures and PASS/FAIL against the target; exits 0 (1 only if it could not measure).
// See bench/README.md.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  addDays,
  aggregateBilans,
  bilanRatioKeys,
  comparePeriods,
  permanentNecLocalCampaign,
  publishedOnLesBases,
} from '@nec/domain';
import { generateBilanHistory, historyRecord } from '@nec/domain/history';
import {
  API_DIR,
  API_MIGRATE,
  apiEnv,
  cleanup,
  createPostgresDatabase,
  ensureBuilt,
  freePort,
  insertRows,
  newTotpSecret,
  onCleanup,
  openDatabase,
  percentile,
  pgArray,
  runCli,
  signInAgent,
  startApi,
} from '../lib/harness.mjs';

const TARGET_P95_MS = 300;
const PASSWORD = 'mot de passe du banc de mesure';
const EMAIL = 'analyste.banc@example.org';
const TOTP_SECRET = newTotpSecret();

const HELP = `Usage : node reporting/run.mjs [options]
  --postgres             PostgreSQL plutôt que la base embarquée (PGlite)
  --pg-url <url>         serveur PostgreSQL (défaut : $NEC_BENCH_POSTGRES_URL ou postgres://postgres@127.0.0.1:5432/test)
  --count <n>            bilans générés (100000)
  --rounds <n>           passages non mis en cache par combinaison de filtres (3)
  --sequential <n>       requêtes séquentielles (50)
  --concurrent <n>       requêtes simultanées (20)
  --seed <n>             graine du générateur (2019)
  --build                reconstruire l’API avant de mesurer
  --keep                 garder le dossier temporaire et la base PostgreSQL
  -h, --help`;

const { values: options } = parseArgs({
  // pnpm passes the `--` of `pnpm --filter @nec/bench reporting -- --postgres` through.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    postgres: { type: 'boolean', default: false },
    'pg-url': {
      type: 'string',
      default: process.env.NEC_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    count: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    sequential: { type: 'string', default: '50' },
    concurrent: { type: 'string', default: '20' },
    seed: { type: 'string', default: '2019' },
    build: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  console.log(HELP);
  process.exit(0);
}
const COUNT = Number(options.count);
const SEQUENTIAL = Number(options.sequential);
const CONCURRENT = Number(options.concurrent);

const fmt = (ms) => `${ms.toFixed(1)} ms`;

/** Rows in batches as large as the placeholder limit allows (65,535 per statement). */
const insertMany = (db, table, columns, rows, casts = {}) =>
  insertRows(db, table, columns, rows, { chunk: Math.floor(60_000 / columns.length), casts });

async function populate(db, events, passwordHash) {
  await db.query('BEGIN');
  // Enrolled in the second factor (required for agents in production) with the bench's secret.
  await db.query(
    `INSERT INTO "users" ("email", "email_normalized", "display_name", "role", "password_hash", "email_confirmed_at", "mfa_secret", "mfa_enabled_at") VALUES ($1, $1, 'Analyste du banc', 'analyst', $2, now(), $3, now())`,
    [EMAIL, passwordHash, TOTP_SECRET],
  );
  const years = [...new Set(events.map((e) => e.year))];
  await insertMany(
    db,
    'campaigns',
    ['id', 'call_kind', 'year', 'title', 'opens_on', 'closes_on', 'params'],
    years.map((year) => {
      const c = permanentNecLocalCampaign(year);
      return [c.id, c.callKind, c.year, c.title, c.opensOn, c.closesOn, JSON.stringify(c.params)];
    }),
    { params: '::jsonb' },
  );
  const organisations = new Map();
  for (const e of events)
    if (!organisations.has(e.organisation.key))
      organisations.set(e.organisation.key, { id: randomUUID(), ...e.organisation });
  await insertMany(
    db,
    'organisations',
    ['id', 'siret', 'siren', 'name', 'category'],
    [...organisations.values()].map((o) => [o.id, o.siret, o.siren, o.name, o.category]),
  );
  const dossierIds = events.map(() => randomUUID());
  await insertMany(
    db,
    'dossiers',
    [
      'id',
      'reference',
      'campaign_id',
      'organisation_id',
      'call_kind',
      'state',
      'title',
      'content',
      'version',
      'event_date',
      'submitted_at',
    ],
    events.map((e, i) => [
      dossierIds[i],
      `BENCH-${e.year}-${String(e.index).padStart(6, '0')}`,
      `nec-local-permanent-${e.year}`,
      organisations.get(e.organisation.key).id,
      'nec-local',
      'bilan-submitted',
      e.title,
      '{}',
      7,
      e.eventDate,
      `${e.eventDate}T09:00:00Z`,
    ]),
    { content: '::jsonb' },
  );
  const submittedAt = (e) => `${addDays(e.eventDate, 7)}T10:00:00Z`;
  await insertMany(
    db,
    'bilans',
    [
      'dossier_id',
      'content',
      'version',
      'created_at',
      'updated_at',
      'submitted_at',
      'year',
      'event_date',
      'region_code',
      'departement_code',
      'event_mode',
      'porteur_category',
      'call_kind',
      'attendees',
      'structures',
      'speakers',
      'women_speakers',
      'men_speakers',
      'workshops',
      'discovery_stands',
      'expenses_cents',
      'subsidy_cents',
      'les_bases',
      'themes',
      'theme_families',
    ],
    events.map((e, i) => {
      const b = e.bilan;
      const split = b.speakers.genderSplit;
      return [
        dossierIds[i],
        JSON.stringify(b),
        2,
        submittedAt(e),
        submittedAt(e),
        submittedAt(e),
        e.year,
        e.eventDate,
        e.regionCode ?? null,
        e.departementCode ?? null,
        e.eventMode,
        e.organisation.category,
        'nec-local',
        b.attendees,
        b.structuresRepresented,
        b.speakers.total,
        split?.women ?? 0,
        split?.men ?? 0,
        b.formats.workshops,
        b.formats.discoveryStands,
        b.budget.expensesCents,
        b.budget.subsidyCents ?? null,
        publishedOnLesBases(b.resources),
        pgArray(e.themes),
        pgArray(e.themeFamilies),
      ];
    }),
    { content: '::jsonb', themes: '::text[]', theme_families: '::text[]' },
  );
  await db.query('COMMIT');
  await db.query('ANALYZE');
}

async function timedGet(url, cookie) {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  await res.arrayBuffer();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
  return ms;
}

/**
 * A dozen filter combinations the app asks for (year ranges, région, département, theme, theme
 * family, call, format, porteur category). Each round moves both bounds back by one day: a new
 * cache key (a miss) for the same amount of work.
 */
function filterCombos(today, round) {
  const shift = (date) => addDays(date, -round);
  const range = (from, to) => ({ from: shift(from), to: shift(to) });
  const all = range('2019-01-01', today);
  return [
    { to: shift(today) },
    all,
    range('2024-01-01', '2024-12-31'),
    range('2022-01-01', '2025-12-31'),
    { ...range('2025-01-01', '2025-12-31'), regions: '84' },
    { ...all, regions: '11,32,44' },
    { ...range('2024-01-01', '2024-12-31'), themes: 'digital-inclusion' },
    { ...range('2023-01-01', '2025-12-31'), themeFamilies: 'ecology-sustainability' },
    { ...range('2025-01-01', '2025-12-31'), callKinds: 'nec-local' },
    { ...range('2024-01-01', '2024-12-31'), eventModes: 'online,hybrid' },
    { ...range('2021-01-01', today), porteurCategories: 'association' },
    { ...all, departements: '57,69', eventModes: 'in-person' },
  ];
}

/** The routes of a dashboard view, grouped as the bench reports them. */
const ROUTE_GROUPS = {
  overview: ['overview'],
  breakdowns: [
    'breakdowns/theme',
    'breakdowns/theme-family',
    'breakdowns/event-mode',
    'breakdowns/porteur-category',
    'breakdowns/call-kind',
    'breakdowns/month',
  ],
  map: ['breakdowns/region', 'breakdowns/departement'],
  distributions: [
    'distributions/attendees',
    'distributions/expenses',
    'distributions/cost-per-attendee',
  ],
};

/** First answers only: every (combination, round, route) is asked once, one request at a time. */
async function measureUncached(base, cookie, today, rounds) {
  const samples = Object.fromEntries(Object.keys(ROUTE_GROUPS).map((group) => [group, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const combo of filterCombos(today, round)) {
      const query = new URLSearchParams(combo).toString();
      for (const [group, routes] of Object.entries(ROUTE_GROUPS))
        for (const route of routes)
          samples[group].push(await timedGet(`${base}/api/reporting/${route}?${query}`, cookie));
    }
  }
  return samples;
}

// ── main ───────────────────────────────────────────────────────────────────────
async function main() {
  ensureBuilt(options.build);
  const { hashPassword } = await import(pathToFileURL(join(API_DIR, 'dist/auth/password.js')).href);
  const tmp = await mkdtemp(join(tmpdir(), 'nec-bench-reporting-'));
  if (!options.keep) onCleanup(() => rm(tmp, { recursive: true, force: true }));
  const dataDir = join(tmp, 'pglite');
  const database = options.postgres
    ? await createPostgresDatabase(options['pg-url'], { keep: options.keep })
    : null;
  const env = apiEnv({
    port: await freePort(),
    dataDir,
    outboxDir: join(tmp, 'outbox'),
    databaseUrl: database?.url,
    extra: {},
  });
  console.log(
    `Base : ${options.postgres ? 'PostgreSQL' : 'PGlite (embarquée)'} · ${cpus().length} cœurs · charge ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  runCli(API_MIGRATE, env, 'La migration');

  const today = new Date().toISOString().slice(0, 10);
  let t0 = performance.now();
  const events = generateBilanHistory(COUNT, Number(options.seed), {
    firstYear: 2019,
    until: today,
  });
  console.log(
    `▸ ${COUNT.toLocaleString('fr-FR')} bilans générés en ${fmt(performance.now() - t0)}`,
  );
  t0 = performance.now();
  const db = await openDatabase(database?.url, dataDir);
  try {
    await populate(db, events, await hashPassword(PASSWORD));
  } finally {
    await db.close();
  }
  console.log(`▸ Insérés en ${((performance.now() - t0) / 1000) | 0} s`);

  const { base } = await startApi(env, join(tmp, 'api.log'));
  const { cookie } = await signInAgent(
    base,
    { email: EMAIL, password: PASSWORD, totpSecret: TOTP_SECRET },
    'Connexion de l’analyste',
  );
  const rounds = Number(options.rounds);
  const uncached = await measureUncached(base, cookie, today, rounds);
  const combos = filterCombos(today, 0).length;
  console.log(
    `\nPremière réponse (sans cache), ${combos} combinaisons de filtres × ${rounds} passages, une requête à la fois :`,
  );
  let worstP95 = 0;
  for (const [group, values] of Object.entries(uncached)) {
    const sorted = [...values].sort((a, b) => a - b);
    const groupP95 = percentile(sorted, 95);
    worstP95 = Math.max(worstP95, groupP95);
    console.log(
      `  ${group.padEnd(14)} ${String(sorted.length).padStart(4)} réponses : p50 ${fmt(percentile(sorted, 50))} · p95 ${fmt(groupP95)} · max ${fmt(sorted[sorted.length - 1])}`,
    );
  }

  // A filtered overview against the domain on the same records (région + format + period).
  const filtered = {
    from: '2022-01-01',
    to: '2025-12-31',
    regions: ['84', '11'],
    eventModes: ['in-person'],
  };
  const filteredAnswer = await (
    await fetch(
      `${base}/api/reporting/overview?${new URLSearchParams({ from: filtered.from, to: filtered.to, regions: '84,11', eventModes: 'in-person' })}`,
      { headers: { cookie } },
    )
  ).json();

  const url = `${base}/api/reporting/overview`;
  const overview = await (await fetch(url, { headers: { cookie } })).json();
  for (let i = 0; i < 3; i += 1) await timedGet(url, cookie); // warm-up, not counted

  const sequential = [];
  for (let i = 0; i < SEQUENTIAL; i += 1) sequential.push(await timedGet(url, cookie));
  const concurrent = await Promise.all(
    Array.from({ length: CONCURRENT }, () => timedGet(url, cookie)),
  );

  // The same computation in memory: both periods aggregated, then compared (records already loaded).
  const records = events.map((e) => historyRecord(e));
  const { period, previousPeriod } = overview;
  const runs = [];
  let inMemory;
  for (let i = 0; i < 11; i += 1) {
    const started = performance.now();
    const current = aggregateBilans(records, period);
    const previous = aggregateBilans(records, previousPeriod);
    inMemory = { current, changes: comparePeriods(current, previous) };
    runs.push(performance.now() - started);
  }
  const filteredInMemory = aggregateBilans(records, filtered);
  const same =
    JSON.stringify(inMemory.current.totals) === JSON.stringify(overview.current.totals) &&
    inMemory.current.count === overview.current.count &&
    bilanRatioKeys.every((key) => inMemory.current[key] === overview.current[key]) &&
    JSON.stringify(filteredInMemory.totals) === JSON.stringify(filteredAnswer.current.totals) &&
    JSON.stringify(filteredInMemory.medians) === JSON.stringify(filteredAnswer.current.medians) &&
    filteredInMemory.count === filteredAnswer.current.count;

  const sortedSeq = [...sequential].sort((a, b) => a - b);
  const sortedConc = [...concurrent].sort((a, b) => a - b);
  const all = [...sequential, ...concurrent].sort((a, b) => a - b);
  const memory = [...runs].sort((a, b) => a - b);
  const apiP50 = percentile(all, 50);
  const p95 = percentile(all, 95);
  const memoryMedian = percentile(memory, 50);

  console.log(
    `\nPériode ${period.from} → ${period.to} : ${overview.current.count.toLocaleString('fr-FR')} bilans (sur ${COUNT.toLocaleString('fr-FR')}) ; période précédente ${previousPeriod.from} → ${previousPeriod.to} : ${overview.previous.count.toLocaleString('fr-FR')}`,
  );
  console.log(
    `GET /api/reporting/overview  ${SEQUENTIAL} séquentielles : p50 ${fmt(percentile(sortedSeq, 50))} · p95 ${fmt(percentile(sortedSeq, 95))}`,
  );
  console.log(
    `                             ${CONCURRENT} simultanées  : p50 ${fmt(percentile(sortedConc, 50))} · p95 ${fmt(percentile(sortedConc, 95))}`,
  );
  console.log(
    `                             ensemble (${all.length})    : p50 ${fmt(apiP50)} · p95 ${fmt(p95)}`,
  );
  console.log(
    `aggregateBilans en mémoire (2 périodes + comparePeriods, ${COUNT.toLocaleString('fr-FR')} records) : médiane ${fmt(memoryMedian)} (min ${fmt(memory[0])}, max ${fmt(memory[memory.length - 1])})`,
  );
  console.log(`Rapport API p50 / mémoire : ${(apiP50 / memoryMedian).toFixed(2)}`);
  console.log(
    `Mêmes chiffres en SQL et en mémoire (aperçu par défaut ; filtré régions 84,11 en présentiel 2022–2025 : ${filteredInMemory.count.toLocaleString('fr-FR')} bilans) : ${same ? 'oui' : 'NON'}`,
  );
  console.log(
    `\nCible, aperçu en cache : p95 ≤ ${TARGET_P95_MS} ms → ${p95 <= TARGET_P95_MS ? 'PASS' : 'FAIL'} (${fmt(p95)})`,
  );
  console.log(
    `Cible, premières réponses (pire p95 des groupes) : p95 ≤ ${TARGET_P95_MS} ms → ${worstP95 <= TARGET_P95_MS ? 'PASS' : 'FAIL'} (${fmt(worstP95)})`,
  );
}

try {
  await main();
} catch (error) {
  console.error('Échec du banc :', error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
