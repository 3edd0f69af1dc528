#!/usr/bin/env node
// Load measurement of the BUILT API (apps/api/dist) with autocannon. A measurement, not a test:
// it prints figures and PASS/FAIL against the targets, and exits 0 unless it could not measure.
//
//   pnpm --filter @nec/bench api                 # embedded database (PGlite, temp folder)
//   pnpm --filter @nec/bench api -- --postgres   # throw-away database on the local PostgreSQL
//   pnpm --filter @nec/bench api -- --help
//
// What it does: builds the API if `apps/api/dist` is missing, starts `node apps/api/dist/main.js`
// as a child process on a free port with a fresh database (migrated, then the demo seed for the
// open NEC local call), signs up / confirms / signs in an applicant, creates an organisation and
// N draft dossiers, then measures GET /api/ping (the ceiling), GET /api/dossiers,
// GET /api/dossiers/:id and PUT /api/dossiers/:id/draft. Everything it created (child process,
// temp folders, PostgreSQL database) is removed at the end, on errors and on Ctrl-C.
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { exampleNecLocalDossier, isValidSiret } from '@nec/domain';
import {
  API_MIGRATE,
  API_SEED,
  apiEnv,
  call,
  cleanup,
  cpuTimeMs,
  createPostgresDatabase,
  ensureBuilt,
  expectStatus,
  freePort,
  mapLimit,
  onCleanup,
  percentile,
  runCli,
  sessionFrom,
  sleep,
  startApi,
  writeJsonReport,
} from '../lib/harness.mjs';

/** The targets the figures are compared to (see bench/README.md). */
const TARGETS = {
  readShareOfCeiling: 0.25,
  readP95Ms: 50,
  draftP95Ms: 150,
};

const ROUTES = ['ping', 'list', 'read', 'draft'];

const USAGE = `Usage : pnpm --filter @nec/bench api [-- options]

  --postgres             PostgreSQL (base jetable nec_bench_<hasard>) au lieu de la base embarquée
  --pg-url <url>         serveur PostgreSQL d’administration
                         (défaut : $NEC_BENCH_POSTGRES_URL ou postgres://postgres@127.0.0.1:5432/test)
  -c, --connections <n>  connexions simultanées (défaut 50)
  -d, --duration <s>     durée de chaque mesure en secondes (défaut 10)
  --warmup <s>           échauffement non compté avant chaque mesure (défaut 2 ; 0 pour aucun)
  --dossiers <n>         brouillons créés (défaut 60 ; au moins autant que de connexions)
  --routes <liste>       mesures à faire parmi ${ROUTES.join(',')} (défaut : toutes)
  --build                reconstruire l’API avant (sinon seulement si apps/api/dist manque)
  --json <fichier>       écrire aussi les résultats en JSON
  --keep-logs            garder le journal de l’API (dossier temporaire affiché)
  --api-node-options <o> options de node pour le processus de l’API seulement
                         (profilage : "--api-node-options=--prof --logfile=/tmp/api-v8.log")
  --api-env <CLÉ=valeur> variable d’environnement de plus pour l’API (répétable ;
                         ex. --api-env NEC_LOG_SQL=true --keep-logs)
  -h, --help             cette aide`;

// ---------------------------------------------------------------------------------------------
// Options

function readOptions() {
  const { values } = parseArgs({
    // `pnpm --filter @nec/bench api -- --postgres` passes a literal `--` through.
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      postgres: { type: 'boolean', default: false },
      'pg-url': {
        type: 'string',
        default: process.env.NEC_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      },
      connections: { type: 'string', short: 'c', default: '50' },
      duration: { type: 'string', short: 'd', default: '10' },
      warmup: { type: 'string', default: '2' },
      dossiers: { type: 'string', default: '60' },
      routes: { type: 'string', default: ROUTES.join(',') },
      build: { type: 'boolean', default: false },
      json: { type: 'string' },
      'keep-logs': { type: 'boolean', default: false },
      'api-node-options': { type: 'string', default: '' },
      'api-env': { type: 'string', multiple: true, default: [] },
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
  const routes = values.routes
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = routes.filter((r) => !ROUTES.includes(r));
  if (unknown.length)
    throw new UsageError(
      `--routes : inconnu(s) ${unknown.join(', ')} (possibles : ${ROUTES.join(', ')}).`,
    );
  const options = {
    postgres: values.postgres,
    pgUrl: values['pg-url'],
    connections: int('connections', 1),
    duration: int('duration', 1),
    warmup: int('warmup', 0),
    dossiers: int('dossiers', 1),
    routes,
    build: values.build,
    json: values.json,
    keepLogs: values['keep-logs'],
    apiNodeOptions: values['api-node-options'].split(/\s+/).filter(Boolean),
    apiEnv: Object.fromEntries(
      values['api-env'].map((pair) => {
        const at = pair.indexOf('=');
        if (at < 1) throw new UsageError(`--api-env attend CLÉ=valeur (reçu : ${pair}).`);
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
    ),
  };
  if (routes.includes('draft') && options.dossiers < options.connections) {
    throw new UsageError(
      `--dossiers (${options.dossiers}) doit être ≥ --connections (${options.connections}) : chaque connexion enregistre son propre brouillon.`,
    );
  }
  return options;
}

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------
// HTTP scenario: applicant, organisation, dossiers

/** Undoes quoted-printable: soft line breaks, then runs of =XX bytes decoded as UTF-8. */
export function decodeQuotedPrintable(raw) {
  return raw.replace(/=\r?\n/g, '').replace(/(?:=[0-9A-Fa-f]{2})+/g, (run) =>
    Buffer.from(
      run
        .split('=')
        .slice(1)
        .map((h) => parseInt(h, 16)),
    ).toString('utf8'),
  );
}

/** The body of a single-part message as sent (quoted-printable or base64 undone). */
function mailText(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split).trimStart();
  if (/^content-transfer-encoding:\s*base64/im.test(head))
    return head + '\n\n' + Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/^content-transfer-encoding:\s*quoted-printable/im.test(head))
    return head + '\n\n' + decodeQuotedPrintable(body);
  return raw;
}

async function confirmationToken(outboxDir, email) {
  const deadline = Date.now() + 10_000;
  const safeTo = email.replace(/[^a-zA-Z0-9@._-]/g, '_');
  for (;;) {
    const files = existsSync(outboxDir)
      ? readdirSync(outboxDir)
          .filter((f) => f.endsWith(`-${safeTo}.eml`))
          .sort()
      : [];
    const last = files.at(-1);
    // The mail is written after the API answers (sign-up does its slow work in the background):
    // a file may still be partial, so read it again until its link is there.
    const match = last
      ? /jeton=([A-Za-z0-9_-]+)/.exec(mailText(readFileSync(join(outboxDir, last), 'utf8')))
      : null;
    if (match) return match[1];
    if (Date.now() > deadline)
      throw new Error(`Aucun courriel complet (lien « jeton= ») pour ${email} dans ${outboxDir}.`);
    await sleep(100);
  }
}

async function signUpApplicant(base, outboxDir) {
  const email = `porteur-bench-${randomBytes(4).toString('hex')}@example.org`;
  const password = `bench-${randomBytes(12).toString('hex')}`;
  await expectStatus(
    call(base, 'POST', '/api/auth/sign-up', {
      body: { email, password, displayName: 'Porteur de mesure' },
    }),
    [202],
    'Inscription',
  );
  const token = await confirmationToken(outboxDir, email);
  await expectStatus(
    call(base, 'POST', '/api/auth/confirm-email', { body: { token } }),
    [200],
    'Confirmation de l’adresse',
  );
  const signIn = await expectStatus(
    call(base, 'POST', '/api/auth/sign-in', { body: { email, password } }),
    [200],
    'Connexion',
  );
  return { email, session: sessionFrom(signIn) };
}

/** A fictitious SIRET (SIREN in the 99999… range) whose SIREN and SIRET pass the Luhn check. */
function fictitiousSiret() {
  const withCheckDigit = (digits) => {
    for (let d = 0; d <= 9; d++) if (luhnValid(digits + d)) return digits + d;
    throw new Error('unreachable');
  };
  const siren = withCheckDigit(`99999${String(randomInt(0, 1000)).padStart(3, '0')}`);
  const siret = withCheckDigit(`${siren}${String(randomInt(0, 10000)).padStart(4, '0')}`);
  if (!isValidSiret(siret)) throw new Error(`SIRET généré invalide selon le domaine : ${siret}`);
  return siret;
}

function luhnValid(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

async function createOrganisation(base, session) {
  const body = {
    siret: fictitiousSiret(),
    name: 'Tiers-lieu de mesure de charge (fictif)',
    category: 'tiers-lieu',
  };
  const res = await call(base, 'POST', '/api/organisations', { body, session });
  if (res.status === 201) {
    const id = res.json?.id ?? res.json?.organisation?.id;
    if (!id)
      throw new Error(
        `POST /api/organisations : pas d’id dans la réponse — ${res.text.slice(0, 300)}`,
      );
    return { id };
  }
  throw new Error(`Création de la structure : HTTP ${res.status} — ${res.text.slice(0, 500)}`);
}

/** Every dossier of the list, page after page (the list answers 100 at most at once). */
async function allDossiers(base, session) {
  const items = [];
  for (let page = 1; ; page++) {
    const res = await expectStatus(
      call(base, 'GET', `/api/dossiers?pageSize=100&page=${page}`, { session }),
      [200],
      'Liste des dossiers',
    );
    items.push(...res.json.items);
    if (items.length >= res.json.total || res.json.items.length === 0) return items;
  }
}

async function openNecLocalCampaign(base) {
  const res = await expectStatus(call(base, 'GET', '/api/campaigns'), [200], 'Liste des appels');
  const campaign = (res.json?.items ?? []).find(
    (c) => c.callKind === 'nec-local' && (c.status === undefined || c.status === 'open'),
  );
  if (!campaign)
    throw new Error(
      `Aucun appel NEC local ouvert dans GET /api/campaigns : ${res.text.slice(0, 300)}`,
    );
  return campaign;
}

/**
 * A realistic NEC local draft of about 5 KB: the domain's complete example with a detailed budget,
 * more partners and fuller texts (charter acceptance left out: it is not part of the draft).
 */
function draftContent() {
  const c = exampleNecLocalDossier();
  delete c.charterAcceptance;
  c.objective +=
    ' Le programme alterne ateliers pratiques, retours d’expérience de collectivités voisines et temps de rencontre entre structures, pour que chaque participante et participant reparte avec des contacts et des outils directement réutilisables.';
  c.themes.free.push('Sobriété numérique', 'Accessibilité des services publics en ligne');
  c.themes.expectedBenefits +=
    ' Les ateliers seront documentés sous licence libre et publiés sur le site de l’événement, afin que les structures du département puissent les reproduire ; un annuaire des lieux de médiation mis à jour à cette occasion sera remis aux communes.';
  c.audiences.targets.push(
    'Bibliothécaires et agents d’accueil',
    'Habitantes et habitants éloignés du numérique',
  );
  c.organisers.push(
    {
      name: 'Médiathèque intercommunale du Val (fictive)',
      category: 'etablissement-public',
      role: 'partner',
      supportsEvent: false,
    },
    {
      name: 'Coopérative Les Communs Numériques (fictive)',
      category: 'cooperative',
      role: 'partner',
      supportsEvent: false,
    },
  );
  c.means = {
    human:
      'Une cheffe de projet à mi-temps pendant quatre mois coordonne le comité d’organisation (six structures, une réunion toutes les deux semaines). Quinze bénévoles assurent l’accueil, l’orientation et l’animation des ateliers le jour J ; deux médiateurs numériques de la commune animent les stands de découverte.',
    technical:
      'Captation vidéo et diffusion en direct des tables rondes par un prestataire local, sous-titrage en direct, prêt de vingt ordinateurs reconditionnés pour les ateliers, connexion filaire dédiée et un réseau sans fil invité.',
    material:
      'Mobilier et grilles d’exposition prêtés par la commune, signalétique réutilisable d’une édition à l’autre, vaisselle réemployable pour le déjeuner partagé, boucle magnétique pour les personnes malentendantes.',
    communication:
      'Réseaux sociaux des partenaires, affichage en mairie et dans les lieux de médiation, lettre d’information intercommunale, communiqué à la presse locale et programme imprimé sur papier recyclé en 1 500 exemplaires.',
  };
  c.budget.expenses = [
    {
      category: 'logistics',
      label: 'Location et aménagement de la salle (deux jours)',
      amountCents: 250000,
    },
    {
      category: 'logistics',
      label: 'Matériel de captation et diffusion en direct',
      amountCents: 150000,
    },
    {
      category: 'logistics',
      label: 'Sous-titrage en direct des tables rondes',
      amountCents: 100000,
    },
    { category: 'logistics', label: 'Déjeuner partagé et pauses', amountCents: 100000 },
    { category: 'communication', label: 'Programme imprimé et affiches', amountCents: 120000 },
    { category: 'communication', label: 'Site de l’événement et inscriptions', amountCents: 80000 },
    { category: 'communication', label: 'Signalétique réutilisable', amountCents: 50000 },
    {
      category: 'programming',
      label: 'Défraiement des intervenantes et intervenants',
      amountCents: 300000,
    },
    {
      category: 'programming',
      label: 'Animation des ateliers par deux structures de médiation',
      amountCents: 150000,
    },
    { category: 'other', label: 'Assurance et frais bancaires', amountCents: 50000 },
    { category: 'other', label: 'Imprévus', amountCents: 50000 },
  ];
  return c;
}

// ---------------------------------------------------------------------------------------------
// Measurements

/**
 * One autocannon run. Latencies are taken from every response (autocannon's own summary has
 * p97.5 but no p95), non-2xx counted by status. The first answer of each connection is also
 * kept apart: it includes the time the server took to let the connection in, which is what
 * made PGlite's long tail (bench/README.md, 2026-12-01).
 */
async function measure({ base, connections, duration, requests, apiPid }) {
  const latencies = [];
  const firstLatencies = [];
  const answered = new WeakSet();
  const cpuBefore = cpuTimeMs(apiPid);
  const instance = autocannon({
    url: base,
    connections,
    duration,
    pipelining: 1,
    timeout: 10,
    requests,
  });
  instance.on('response', (client, _status, _bytes, ms) => {
    latencies.push(ms);
    if (answered.has(client)) return;
    answered.add(client);
    firstLatencies.push(ms);
  });
  const result = await instance;
  const cpuAfter = cpuTimeMs(apiPid);
  latencies.sort((a, b) => a - b);
  const seconds = result.duration || duration;
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
  );
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    firstMax: Math.max(...firstLatencies),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    // The API process's CPU per answered request and its share of one core during the run:
    // near 100 % means the API (single-threaded) is the bottleneck.
    apiCpuMsPerRequest:
      cpuBefore === null || cpuAfter === null || !latencies.length
        ? null
        : (cpuAfter - cpuBefore) / latencies.length,
    apiCpuShare:
      cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / (seconds * 1000),
  };
}

function authHeaders(session) {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}

/** GET /api/ping, GET /api/dossiers, GET /api/dossiers/:id (cycling through the dossiers). */
function readRequests(route, session, dossierIds) {
  if (route === 'ping') return [{ method: 'GET', path: '/api/ping' }];
  if (route === 'list')
    return [{ method: 'GET', path: '/api/dossiers', headers: authHeaders(session) }];
  let next = randomInt(0, dossierIds.length);
  return [
    {
      method: 'GET',
      path: `/api/dossiers/${dossierIds[0]}`,
      headers: authHeaders(session),
      setupRequest: (req) => ({
        ...req,
        path: `/api/dossiers/${dossierIds[next++ % dossierIds.length]}`,
      }),
    },
  ];
}

/**
 * PUT /api/dossiers/:id/draft. autocannon deep-clones the request definition for each connection
 * and resets `context` between requests, so a connection's own state lives in `req.own` (its
 * clone). A connection takes a dossier of its own at its first request and carries the version
 * each save returns; `versions` keeps them across runs (warm-up, then measurement). A 409
 * (should not happen) resynchronises on `currentVersion` and is counted in non-2xx.
 */
function draftRequests(session, dossierIds, versions, contentJson, conflicts) {
  let nextDossier = 0;
  const headers = { ...authHeaders(session), 'content-type': 'application/json' };
  return [
    {
      method: 'PUT',
      path: '/api/dossiers/00000000-0000-0000-0000-000000000000/draft',
      headers,
      own: { dossierId: null },
      setupRequest: (req, context) => {
        const own = req.own;
        if (!own.dossierId) own.dossierId = dossierIds[nextDossier++];
        context.own = own;
        const version = versions.get(own.dossierId);
        return {
          ...req,
          path: `/api/dossiers/${own.dossierId}/draft`,
          body: `{"version":${version},"content":${contentJson}}`,
        };
      },
      onResponse: (status, body, context) => {
        const own = context.own;
        if (!own) return;
        try {
          const json = JSON.parse(body);
          if (status === 200 && Number.isInteger(json.version))
            versions.set(own.dossierId, json.version);
          else if (status === 409 && Number.isInteger(json.currentVersion)) {
            conflicts.count++;
            versions.set(own.dossierId, json.currentVersion);
          }
        } catch {
          // an unparsable body is counted by its status
        }
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

function printTable(rows, ceiling) {
  const header = [
    'route',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    '1re max ms',
    'non-2xx',
    '/ plafond',
    'CPU API ms/req',
    'CPU API',
  ];
  const lines = rows.map((r) => [
    r.label,
    fmt(r.rps, 0),
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    fmt(r.firstMax),
    String(r.non2xx),
    ceiling ? `${fmt((100 * r.rps) / ceiling, 1)} %` : '—',
    r.apiCpuMsPerRequest === null ? '—' : fmt(r.apiCpuMsPerRequest, 2),
    r.apiCpuShare === null ? '—' : `${fmt(100 * r.apiCpuShare, 0)} %`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const l of lines) console.log(line(l));
  for (const r of rows) {
    if (r.errors || r.timeouts)
      console.log(
        `  ${r.label} : ${r.errors} erreur(s) de connexion, ${r.timeouts} délai(s) dépassé(s)`,
      );
  }
}

function verdicts(results, ceiling) {
  const out = [];
  for (const key of ['list', 'read']) {
    const r = results[key];
    if (!r) continue;
    if (ceiling) {
      const share = r.rps / ceiling;
      out.push({
        check: `${r.label} : débit ≥ ${TARGETS.readShareOfCeiling * 100} % du plafond`,
        value: `${fmt(share * 100)} %`,
        pass: share >= TARGETS.readShareOfCeiling,
      });
    }
    out.push({
      check: `${r.label} : p95 ≤ ${TARGETS.readP95Ms} ms`,
      value: `${fmt(r.p95)} ms`,
      pass: r.p95 <= TARGETS.readP95Ms,
    });
  }
  if (results.draft) {
    const r = results.draft;
    out.push({
      check: `${r.label} : p95 ≤ ${TARGETS.draftP95Ms} ms`,
      value: `${fmt(r.p95)} ms`,
      pass: r.p95 <= TARGETS.draftP95Ms,
    });
  }
  for (const r of Object.values(results)) {
    const failed = r.non2xx + r.errors + r.timeouts;
    if (failed)
      out.push({
        check: `${r.label} : aucune réponse en erreur`,
        value: `${failed} (${JSON.stringify(r.statuses)})`,
        pass: false,
      });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = readOptions();
  ensureBuilt(options.build);

  const work = mkdtempSync(join(tmpdir(), 'nec-bench-'));
  onCleanup(() => {
    if (options.keepLogs) console.log(`Journal de l’API conservé : ${join(work, 'api.log')}`);
    rmSync(options.keepLogs ? join(work, 'pglite') : work, { recursive: true, force: true });
  });
  const outboxDir = join(work, 'outbox');
  const database = options.postgres ? await createPostgresDatabase(options.pgUrl) : null;
  const env = apiEnv({
    port: await freePort(),
    dataDir: join(work, 'pglite'),
    outboxDir,
    databaseUrl: database?.url,
    extra: options.apiEnv,
  });
  const where = database
    ? `PostgreSQL (${database.name})`
    : `base embarquée PGlite (${join(work, 'pglite')})`;

  const load = () => loadavg()[0].toFixed(2);
  console.log(
    `▸ Machine : ${cpus().length} cœur(s), charge moyenne sur 1 min ${load()} (les autres processus faussent la mesure)`,
  );
  console.log(`▸ Base : ${where}`);
  // --api-env is for the API process only, not for the migration and the seed.
  const cliEnv = apiEnv({
    port: Number(env.PORT),
    dataDir: env.NEC_DATA_DIR,
    outboxDir,
    databaseUrl: database?.url,
    // The demo seed refuses production (its accounts' password is public): loaded as development.
    extra: { NODE_ENV: 'development' },
  });
  const migrateMs = runCli(API_MIGRATE, cliEnv, 'La migration');
  const seedMs = runCli(API_SEED, cliEnv, 'Le chargement des données de démonstration');
  console.log(
    `  migration ${migrateMs} ms, données de démonstration (appel NEC local ouvert) ${seedMs} ms`,
  );

  const startedAt = Date.now();
  const api = await startApi(env, join(work, 'api.log'), options.apiNodeOptions);
  console.log(
    `▸ API démarrée sur ${api.base} en ${Date.now() - startedAt} ms (node ${process.version}, NODE_ENV=production)`,
  );

  const campaign = await openNecLocalCampaign(api.base);
  const { session } = await signUpApplicant(api.base, outboxDir);
  const organisation = await createOrganisation(api.base, session);

  const content = draftContent();
  const contentJson = JSON.stringify(content);
  const versions = new Map();
  const created = await mapLimit(Array.from({ length: options.dossiers }), 8, async () => {
    const res = await expectStatus(
      call(api.base, 'POST', '/api/dossiers', {
        body: { campaignId: campaign.id, organisationId: organisation.id },
        session,
      }),
      [201],
      'Création d’un brouillon',
    );
    return res.json.id;
  });
  // Every draft gets the realistic content once, so reads return a filled-in dossier.
  await mapLimit(created, 8, async (id) => {
    const res = await expectStatus(
      call(api.base, 'PUT', `/api/dossiers/${id}/draft`, {
        body: { version: 1, content },
        session,
      }),
      [200],
      'Premier enregistrement du brouillon',
    );
    versions.set(id, res.json.version);
  });
  const list = await expectStatus(
    call(api.base, 'GET', '/api/dossiers', { session }),
    [200],
    'Liste des dossiers',
  );
  const one = await expectStatus(
    call(api.base, 'GET', `/api/dossiers/${created[0]}`, { session }),
    [200],
    'Lecture d’un dossier',
  );
  console.log(
    `▸ Jeu de données : appel ${campaign.id}, ${created.length} brouillons de ${(contentJson.length / 1024).toFixed(1)} Ko ` +
      `(liste : ${list.json.items.length} dossiers sur ${list.json.total}, ${(list.text.length / 1024).toFixed(1)} Ko ; un dossier : ${(one.text.length / 1024).toFixed(1)} Ko)`,
  );
  console.log(
    `▸ Mesures : ${options.connections} connexions × ${options.duration} s par route (échauffement ${options.warmup} s)\n`,
  );

  const labels = {
    ping: 'GET /api/ping',
    list: 'GET /api/dossiers',
    read: 'GET /api/dossiers/:id',
    draft: 'PUT /api/dossiers/:id/draft',
  };
  // A run stops with saves in flight whose answers autocannon drops: before each run the
  // versions are read back from the list, so that no save starts from a stale version.
  // Saves still queued in the server when the run ended land later: read until nothing moves.
  const refreshVersions = async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const items = await allDossiers(api.base, session);
      let changed = 0;
      for (const item of items) {
        if (versions.has(item.id) && versions.get(item.id) !== item.version) {
          versions.set(item.id, item.version);
          changed++;
        }
      }
      if (changed === 0 && attempt > 0) return;
      await sleep(500);
    }
  };
  const results = {};
  const conflicts = { count: 0 };
  for (const route of options.routes) {
    const requests = () =>
      route === 'draft'
        ? draftRequests(session, created, versions, contentJson, conflicts)
        : readRequests(route, session, created);
    if (options.warmup > 0) {
      if (route === 'draft') await refreshVersions();
      await measure({
        base: api.base,
        connections: options.connections,
        duration: options.warmup,
        requests: requests(),
      });
    }
    if (route === 'draft') await refreshVersions();
    if (!api.isRunning())
      throw new Error(`L’API s’est arrêtée pendant la mesure :\n${api.tail.join('\n')}`);
    results[route] = {
      label: labels[route],
      ...(await measure({
        base: api.base,
        connections: options.connections,
        duration: options.duration,
        requests: requests(),
        apiPid: api.child.pid,
      })),
    };
    process.stdout.write(`  ${labels[route].padEnd(28)} ${fmt(results[route].rps, 0)} req/s\n`);
  }
  if (!api.isRunning())
    throw new Error(`L’API s’est arrêtée pendant la mesure :\n${api.tail.join('\n')}`);

  const ceiling = results.ping?.rps;
  console.log(`\n  (charge moyenne sur 1 min à la fin : ${load()})\n`);
  printTable(Object.values(results), ceiling);
  const checks = verdicts(results, ceiling);
  console.log('\nObjectifs');
  for (const c of checks) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.check} — ${c.value}`);
  if (!ceiling && (results.list || results.read))
    console.log('  (sans mesure de /api/ping, le ratio au plafond n’est pas vérifié)');
  if (conflicts.count)
    console.log(
      `  ${conflicts.count} conflit(s) de version (409) pendant les enregistrements : voir le README.`,
    );

  if (options.json) {
    writeJsonReport(options.json, {
      postgres: Boolean(database),
      connections: options.connections,
      durationSeconds: options.duration,
      warmupSeconds: options.warmup,
      dossiers: created.length,
      draftBytes: contentJson.length,
      results,
      targets: TARGETS,
      checks,
    });
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
  } else {
    console.error(
      `\nÉchec de la mesure : ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  process.exitCode = 1;
} finally {
  await cleanup();
}
