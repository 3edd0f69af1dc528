#!/usr/bin/env node
// Reporting bench: 100,000 submitted bilans in a fresh database, then the latency of
// GET /api/reporting/overview (SQL) against the domain's in-memory aggregateBilans on the same
// records. Prints the figures and PASS/FAIL against the target; exits 0 (1 only if it could not
// measure). See bench/README.md.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { addDays, aggregateBilans, comparePeriods, permanentNecLocalCampaign } from '@nec/domain';
import {
  API_DIR,
  API_MIGRATE,
  apiEnv,
  cleanup,
  createPostgresDatabase,
  ensureBuilt,
  freePort,
  insertRows,
  onCleanup,
  openDatabase,
  percentile,
  pgArray,
  runCli,
  startApi,
} from '../lib/harness.mjs';

const API_HISTORY = join(API_DIR, 'dist/seed/seed-history.js');
const TARGET_P95_MS = 300;
const PASSWORD = 'mot de passe du banc de mesure';
const EMAIL = 'analyste.banc@example.org';

const HELP = `Usage : node reporting/run.mjs [options]
  --postgres             PostgreSQL plutôt que la base embarquée (PGlite)
  --pg-url <url>         serveur PostgreSQL (défaut : $NEC_BENCH_POSTGRES_URL ou postgres://postgres@127.0.0.1:5432/test)
  --count <n>            bilans générés (100000)
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
  await db.query(
    `INSERT INTO "users" ("email", "email_normalized", "display_name", "role", "password_hash", "email_confirmed_at") VALUES ($1, $1, 'Analyste du banc', 'analyst', $2, now())`,
    [EMAIL, passwordHash],
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
      'expenses_cents',
      'subsidy_cents',
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
        b.budget.expensesCents,
        b.budget.subsidyCents ?? null,
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

// ── main ───────────────────────────────────────────────────────────────────────
async function main() {
  ensureBuilt(options.build);
  const { generateBilanHistory, historyRecord } = await import(pathToFileURL(API_HISTORY).href);
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
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (signIn.status !== 200) throw new Error(`Connexion de l’analyste : ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
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
  const same =
    JSON.stringify(inMemory.current.totals) === JSON.stringify(overview.current.totals) &&
    inMemory.current.count === overview.current.count;

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
  console.log(`Mêmes chiffres (nombre et totaux) en SQL et en mémoire : ${same ? 'oui' : 'NON'}`);
  console.log(
    `\nCible : p95 ≤ ${TARGET_P95_MS} ms → ${p95 <= TARGET_P95_MS ? 'PASS' : 'FAIL'} (${fmt(p95)})`,
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
