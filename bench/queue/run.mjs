#!/usr/bin/env node
// Latency of the instructors' queue (GET /api/instruction/dossiers) on a realistic volume, against
// the BUILT API (apps/api/dist). A measurement, not a test: it prints figures and PASS/FAIL against
// the target, and exits 0 unless it could not measure.
//
//   pnpm --filter @nec/bench queue                 # embedded database (PGlite, temp folder)
//   pnpm --filter @nec/bench queue -- --postgres   # throw-away database on the local PostgreSQL
//   pnpm --filter @nec/bench queue -- --help
//
// What it does: a fresh database migrated by the built API, then — written straight into the
// database, in bulk, before the API starts — five campaigns, 400 organisations, 5,000 dossiers
// (varied states, régions, subsidies, event dates, realistic content) and an instructor assigned
// to three of the campaigns. Then it starts the API, signs the instructor in and measures the
// queue's first page and a filter change (région + states + subsidy range + free text), N requests
// each with some concurrency, and times a full CSV and XLSX export once. Everything it created is
// removed at the end, on errors and on Ctrl-C.
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  amiMediation2021,
  exampleNecLocalDossier,
  luhnCheckDigit,
  nationalHost2025,
  necLocal2023,
  organisationCategories,
  permanentNecLocalCampaign,
} from '@nec/domain';
import { listDepartements, listRegions } from '@nec/domain/territories';
import {
  API_DIR,
  API_MIGRATE,
  apiEnv,
  cleanup,
  createPostgresDatabase,
  ensureBuilt,
  freePort,
  insertRows,
  mapLimit,
  onCleanup,
  openDatabase,
  percentile,
  newTotpSecret,
  runCli,
  signInAgent,
  startApi,
  writeJsonReport,
} from '../lib/harness.mjs';

/** The target (see bench/README.md). */
const TARGET_P95_MS = 200;

const USAGE = `Usage : pnpm --filter @nec/bench queue [-- options]

  --postgres             PostgreSQL (base jetable nec_bench_<hasard>) au lieu de la base embarquée
  --pg-url <url>         serveur PostgreSQL d’administration
                         (défaut : $NEC_BENCH_POSTGRES_URL ou postgres://postgres@127.0.0.1:5432/test)
  --dossiers <n>         dossiers insérés (défaut 5000)
  -n, --requests <n>     requêtes mesurées par scénario (défaut 100 ; 50 au moins)
  -c, --concurrency <n>  requêtes simultanées (défaut 4)
  --warmup <n>           requêtes d’échauffement non comptées par scénario (défaut 10)
  --no-exports           ne pas chronométrer les exports CSV et XLSX
  --build                reconstruire l’API avant (sinon seulement si apps/api/dist manque)
  --json <fichier>       écrire aussi les résultats en JSON
  --keep-logs            garder le journal de l’API (dossier temporaire affiché)
  -h, --help             cette aide`;

class UsageError extends Error {}

function readOptions() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      postgres: { type: 'boolean', default: false },
      'pg-url': {
        type: 'string',
        default: process.env.NEC_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      },
      dossiers: { type: 'string', default: '5000' },
      requests: { type: 'string', short: 'n', default: '100' },
      concurrency: { type: 'string', short: 'c', default: '4' },
      warmup: { type: 'string', default: '10' },
      'no-exports': { type: 'boolean', default: false },
      build: { type: 'boolean', default: false },
      json: { type: 'string' },
      'keep-logs': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name, min) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min)
      throw new UsageError(`--${name} attend un entier ≥ ${min} (reçu : ${values[name]}).`);
    return n;
  };
  return {
    postgres: values.postgres,
    pgUrl: values['pg-url'],
    dossiers: int('dossiers', 100),
    requests: int('requests', 50),
    concurrency: int('concurrency', 1),
    warmup: int('warmup', 0),
    exports: !values['no-exports'],
    build: values.build,
    json: values.json,
    keepLogs: values['keep-logs'],
  };
}

// ---------------------------------------------------------------------------------------------
// Data set

const pick = (items) => items[randomInt(0, items.length)];

/** Picks a key of `weights` with probability proportional to its weight. */
function weighted(weights) {
  const entries = Object.entries(weights);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = Math.random() * total;
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return entries.at(-1)[0];
}

const STATE_WEIGHTS = {
  draft: 8,
  submitted: 22,
  'under-review': 18,
  'information-requested': 7,
  interview: 5,
  accepted: 13,
  refused: 8,
  withdrawn: 3,
  'agreement-signed': 6,
  'event-held': 4,
  'bilan-submitted': 3,
  closed: 3,
};
const DECIDED = new Set([
  'accepted',
  'agreement-signed',
  'event-held',
  'bilan-submitted',
  'closed',
]);
const VERDICT_WEIGHTS = { eligible: 85, incomplete: 10, ineligible: 5 };

const EVENT_WORDS = [
  'Rencontres de la médiation numérique',
  'Forum de l’inclusion numérique',
  'Numérique en Commun[s]',
  'Journée des aidants numériques',
  'Fête du numérique solidaire',
  'Assises locales du numérique',
  'Carrefour des tiers-lieux',
  'Université d’été de la médiation',
];
const ORG_KINDS = [
  ['Association', 'fictive'],
  ['Tiers-lieu', 'fictif'],
  ['Coopérative', 'fictive'],
  ['Centre social', 'fictif'],
  ['Communauté de communes', 'fictive'],
  ['Médiathèque', 'fictive'],
];
const ORG_WORDS = [
  'des Octets',
  'du Pont',
  'Les Communs',
  'Clic et Lien',
  'La Fabrique',
  'Pixel Solidaire',
  'Le Relais',
  'Cap Numérique',
];
const OBJECTIVES = [
  'Réunir les acteurs locaux de la médiation numérique pour partager leurs pratiques et construire une feuille de route commune.',
  'Faire connaître les lieux d’accompagnement au numérique aux habitantes et habitants, et former les aidants des services publics.',
  'Outiller les collectivités du territoire sur l’accessibilité des démarches en ligne et la sobriété numérique.',
  'Croiser les regards des tiers-lieux, des bibliothèques et des structures sociales sur l’inclusion numérique des jeunes.',
];

function fictitiousSiret(n) {
  const siren8 = `98${String(n).padStart(6, '0')}`;
  const siren = siren8 + luhnCheckDigit(siren8);
  const base = `${siren}${String(randomInt(0, 10000)).padStart(4, '0')}`;
  return base + luhnCheckDigit(base);
}

const addDays = (iso, days) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Campaigns, organisations, dossiers and the instructor, written in bulk. Returns what to query. */
async function insertDataSet(sql, { dossierCount }) {
  const year = new Date().getUTCFullYear();
  const campaigns = [
    { c: permanentNecLocalCampaign(year), share: 40, instructed: true },
    { c: permanentNecLocalCampaign(year - 1), share: 25, instructed: true },
    { c: nationalHost2025, share: 15, instructed: true },
    { c: necLocal2023, share: 10, instructed: false },
    { c: amiMediation2021, share: 10, instructed: false },
  ];
  await insertRows(
    sql,
    'campaigns',
    ['id', 'call_kind', 'year', 'title', 'opens_on', 'closes_on', 'params'],
    campaigns.map(({ c }) => [
      c.id,
      c.callKind,
      c.year,
      c.title,
      c.opensOn,
      c.closesOn ?? null,
      JSON.stringify(c.params),
    ]),
  );

  // The instructor (and a colleague some dossiers are assigned to), passwords hashed by the API,
  // already enrolled in the second factor (required for agents in production) with our secret.
  const { hashPassword } = await import(pathToFileURL(join(API_DIR, 'dist/auth/password.js')).href);
  const password = `bench-${randomBytes(12).toString('hex')}`;
  const hash = await hashPassword(password);
  const totpSecret = newTotpSecret();
  const email = `instructrice-bench-${randomBytes(3).toString('hex')}@example.org`;
  const users = await sql.query(
    `INSERT INTO "users" ("email", "email_normalized", "display_name", "role", "password_hash", "email_confirmed_at", "mfa_secret", "mfa_enabled_at")
     VALUES ($1, $1, 'Instructrice de mesure', 'instructor', $2, now(), $4, now()), ($3, $3, 'Collègue de mesure', 'instructor', $2, now(), $4, now())
     RETURNING "id"`,
    [email, hash, `collegue-bench-${randomBytes(3).toString('hex')}@example.org`, totpSecret],
  );
  const [instructorId, colleagueId] = users.rows.map((r) => r.id);
  await insertRows(
    sql,
    'campaign_instructors',
    ['campaign_id', 'user_id'],
    campaigns
      .filter((x) => x.instructed)
      .flatMap(({ c }) => [
        [c.id, instructorId],
        [c.id, colleagueId],
      ]),
  );

  const regions = listRegions().filter((r) => r.zone !== 'com');
  const departements = listDepartements();
  const organisations = Array.from({ length: 400 }, (_, i) => {
    const [kind, suffix] = pick(ORG_KINDS);
    const dep = pick(departements);
    const siret = fictitiousSiret(i);
    return [
      siret,
      siret.slice(0, 9),
      `${kind} ${pick(ORG_WORDS)} ${dep.name} (${suffix})`,
      pick(organisationCategories),
    ];
  });
  await insertRows(sql, 'organisations', ['siret', 'siren', 'name', 'category'], organisations);
  const orgIds = (await sql.query(`SELECT "id" FROM "organisations"`)).rows.map((r) => r.id);

  const campaignShares = Object.fromEntries(campaigns.map((x, i) => [i, x.share]));
  const today = new Date().toISOString().slice(0, 10);
  const dossiers = Array.from({ length: dossierCount }, (_, i) => {
    const { c } = campaigns[Number(weighted(campaignShares))];
    const state = weighted(STATE_WEIGHTS);
    const region = pick(regions);
    const dep = pick(departements.filter((d) => d.regionCode === region.code));
    const regionCodes = Math.random() < 0.05 ? [region.code, pick(regions).code] : [region.code];
    const submittedAt =
      state === 'draft'
        ? null
        : new Date(
            Date.parse(`${today}T00:00:00Z`) -
              randomInt(0, 365 * 86400) * 1000 -
              randomInt(0, 1000),
          );
    const eventDate = addDays(
      submittedAt ? submittedAt.toISOString().slice(0, 10) : today,
      randomInt(90, 240),
    );
    const subsidy = Math.random() < 0.15 ? null : 250_000 + 5_000 * randomInt(0, 51);
    const awarded =
      DECIDED.has(state) && subsidy !== null ? subsidy - 5_000 * randomInt(0, 10) : null;
    const labelVerdict = state === 'draft' ? null : weighted(VERDICT_WEIGHTS);
    const subsidyVerdict =
      state === 'draft' ? null : subsidy === null ? 'not-requested' : weighted(VERDICT_WEIGHTS);
    const title = `${pick(EVENT_WORDS)} — ${dep.name} ${c.year}`;
    const content = exampleNecLocalDossier();
    delete content.charterAcceptance;
    content.title = title;
    content.objective = `${pick(OBJECTIVES)} ${pick(OBJECTIVES)}`;
    content.event = { ...content.event, startDate: eventDate };
    content.area = [{ kind: 'departement', code: dep.code }];
    const assignee =
      state === 'submitted' || state === 'draft'
        ? null
        : weighted({ me: 40, colleague: 30, none: 30 });
    return [
      `BENCH-${String(i + 1).padStart(6, '0')}`,
      c.id,
      pick(orgIds),
      c.callKind,
      state,
      title,
      JSON.stringify(content),
      1,
      eventDate,
      subsidy,
      awarded,
      regionCodes,
      labelVerdict,
      subsidyVerdict,
      submittedAt,
      assignee === 'me' ? instructorId : assignee === 'colleague' ? colleagueId : null,
    ];
  });
  await insertRows(
    sql,
    'dossiers',
    [
      'reference',
      'campaign_id',
      'organisation_id',
      'call_kind',
      'state',
      'title',
      'content',
      'version',
      'event_date',
      'requested_subsidy_cents',
      'awarded_amount_cents',
      'region_codes',
      'label_verdict',
      'subsidy_verdict',
      'submitted_at',
      'assigned_instructor_id',
    ],
    dossiers,
    250,
  );
  await sql.query('ANALYZE');
  const visible = dossiers.filter(
    (d) => d[4] !== 'draft' && campaigns.find((x) => x.c.id === d[1]).instructed,
  ).length;
  return { email, password, totpSecret, regions, visible, contentBytes: dossiers[0][6].length };
}

// ---------------------------------------------------------------------------------------------
// Measurement

/** `count` GETs of `paths()` with `concurrency` in flight; latencies in ms, sorted. */
async function timeRequests(base, session, paths, count, concurrency) {
  const latencies = [];
  const failures = {};
  const headers = { cookie: session.cookie };
  let totals = [];
  await mapLimit(Array.from({ length: count }), concurrency, async (_, i) => {
    const path = paths(i);
    const started = performance.now();
    const res = await fetch(base + path, { headers });
    const body = await res.text();
    latencies.push(performance.now() - started);
    if (res.status !== 200) failures[res.status] = (failures[res.status] ?? 0) + 1;
    else totals.push(JSON.parse(body).total);
  });
  latencies.sort((a, b) => a - b);
  totals = totals.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    failures,
    totalRange: totals.length ? [totals[0], totals.at(-1)] : null,
  };
}

async function timeDownload(base, session, path) {
  const started = performance.now();
  const res = await fetch(base + path, { headers: { cookie: session.cookie } });
  let bytes = 0;
  for await (const chunk of res.body) bytes += chunk.length;
  return {
    status: res.status,
    ms: performance.now() - started,
    bytes,
    chunked: res.headers.get('transfer-encoding') === 'chunked',
  };
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

async function main() {
  const options = readOptions();
  ensureBuilt(options.build);

  const work = mkdtempSync(join(tmpdir(), 'nec-bench-queue-'));
  onCleanup(() => {
    if (options.keepLogs) console.log(`Journal de l’API conservé : ${join(work, 'api.log')}`);
    rmSync(options.keepLogs ? join(work, 'pglite') : work, { recursive: true, force: true });
  });
  const dataDir = join(work, 'pglite');
  const database = options.postgres ? await createPostgresDatabase(options.pgUrl) : null;
  const env = apiEnv({
    port: await freePort(),
    dataDir,
    outboxDir: join(work, 'outbox'),
    databaseUrl: database?.url,
    extra: {},
  });
  console.log(
    `▸ Machine : ${cpus().length} cœur(s), charge moyenne sur 1 min ${loadavg()[0].toFixed(2)}`,
  );
  console.log(`▸ Base : ${database ? `PostgreSQL (${database.name})` : `PGlite (${dataDir})`}`);
  const migrateMs = runCli(API_MIGRATE, env, 'La migration');

  const insertStarted = Date.now();
  const sql = await openDatabase(database?.url, dataDir);
  let dataSet;
  try {
    dataSet = await insertDataSet(sql, { dossierCount: options.dossiers });
  } finally {
    await sql.close();
  }
  console.log(
    `  migration ${migrateMs} ms ; ${options.dossiers} dossiers (contenu ~${(dataSet.contentBytes / 1024).toFixed(1)} Ko chacun), 400 structures, 5 appels insérés en ${Date.now() - insertStarted} ms ; ${dataSet.visible} dossiers déposés dans les appels de l’instructrice`,
  );

  const api = await startApi(env, join(work, 'api.log'));
  console.log(`▸ API démarrée sur ${api.base} (NODE_ENV=production)`);
  const session = await signInAgent(api.base, dataSet, 'Connexion de l’instructrice');

  const regionCodes = dataSet.regions.map((r) => r.code);
  const scenarios = [
    {
      key: 'first-page',
      label: 'première page (tri par défaut)',
      paths: () => '/api/instruction/dossiers',
    },
    {
      key: 'filters',
      label: 'filtres : région + états + subvention + texte',
      // The région changes from one request to the next, like an instructor clicking through.
      paths: (i) =>
        `/api/instruction/dossiers?region=${regionCodes[i % regionCodes.length]}&state=submitted,under-review&subsidyMin=300000&subsidyMax=450000&q=${encodeURIComponent('médiation')}&sort=eventDate&order=asc`,
    },
  ];
  console.log(
    `▸ Mesures : ${options.requests} requêtes par scénario, ${options.concurrency} simultanées (échauffement ${options.warmup})\n`,
  );
  const results = {};
  for (const s of scenarios) {
    if (options.warmup > 0)
      await timeRequests(api.base, session, s.paths, options.warmup, options.concurrency);
    results[s.key] = {
      label: s.label,
      ...(await timeRequests(api.base, session, s.paths, options.requests, options.concurrency)),
    };
  }
  const downloads = {};
  if (options.exports) {
    downloads.csv = await timeDownload(api.base, session, '/api/exports/dossiers.csv');
    downloads.xlsx = await timeDownload(api.base, session, '/api/exports/dossiers.xlsx');
  }
  if (!api.isRunning())
    throw new Error(`L’API s’est arrêtée pendant la mesure :\n${api.tail.join('\n')}`);

  const header = ['GET /api/instruction/dossiers', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'total'];
  const lines = Object.values(results).map((r) => [
    r.label,
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    fmt(r.max),
    r.totalRange
      ? r.totalRange[0] === r.totalRange[1]
        ? String(r.totalRange[0])
        : `${r.totalRange[0]}–${r.totalRange[1]}`
      : '—',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const l of lines) console.log(line(l));
  for (const [format, d] of Object.entries(downloads)) {
    console.log(
      `  export ${format.toUpperCase()} de la file entière : HTTP ${d.status}, ${fmt(d.ms, 0)} ms, ${(d.bytes / 1024).toFixed(0)} Ko${d.chunked ? ', transfer-encoding: chunked' : ''}`,
    );
  }

  const checks = Object.values(results).map((r) => ({
    check: `${r.label} : p95 ≤ ${TARGET_P95_MS} ms`,
    value: `${fmt(r.p95)} ms`,
    pass: r.p95 <= TARGET_P95_MS && Object.keys(r.failures).length === 0,
  }));
  for (const r of Object.values(results)) {
    if (Object.keys(r.failures).length)
      checks.push({
        check: `${r.label} : aucune erreur`,
        value: JSON.stringify(r.failures),
        pass: false,
      });
  }
  console.log('\nObjectifs');
  for (const c of checks) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.check} — ${c.value}`);

  if (options.json) {
    writeJsonReport(options.json, {
      postgres: Boolean(database),
      dossiers: options.dossiers,
      visibleToInstructor: dataSet.visible,
      requests: options.requests,
      concurrency: options.concurrency,
      results,
      downloads,
      targetP95Ms: TARGET_P95_MS,
      checks,
    });
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else
    console.error(`\nÉchec de la mesure : ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
