// Helpers shared by the benchmarks (bench/api, bench/queue): the built API's paths, a fresh
// database (temp PGlite folder or throw-away PostgreSQL database), the API as a child process,
// cleanup on exit / errors / Ctrl-C, small HTTP helpers and percentiles.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate, generateSecret } from 'otplib';
import pg from 'pg';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const API_DIR = join(ROOT, 'apps/api');
export const API_MAIN = join(API_DIR, 'dist/main.js');
export const API_MIGRATE = join(API_DIR, 'dist/cli/migrate.js');
export const API_SEED = join(API_DIR, 'dist/cli/seed.js');

// ---------------------------------------------------------------------------------------------
// Resources to release: the API process, temp folders, the PostgreSQL database

const cleanups = [];
let cleaning = null;

export function onCleanup(fn) {
  cleanups.push(fn);
}

export function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        console.error(
          `Nettoyage incomplet : ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\n${signal} reçu : arrêt de l’API et nettoyage…`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Build, database, API process

export function ensureBuilt(force) {
  if (!force && existsSync(API_MAIN) && existsSync(API_MIGRATE) && existsSync(API_SEED)) return;
  console.log('▸ Build de l’API (pnpm turbo run build --filter @nec/api...)');
  const result = spawnSync(
    'pnpm',
    ['turbo', 'run', 'build', '--filter', '@nec/api...', '--output-logs=errors-only'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    },
  );
  if (result.status !== 0 || !existsSync(API_MAIN)) {
    throw new Error(
      'Le build de l’API a échoué : lancez `pnpm turbo run build --filter @nec/api...` pour voir pourquoi.',
    );
  }
}

/** A throw-away database `nec_bench_<random>`, dropped at clean-up unless `keep`. */
export async function createPostgresDatabase(adminUrl, { keep = false } = {}) {
  const name = `nec_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL injoignable (${redact(adminUrl)}) : ${error.message}. Démarrez-le ou passez --pg-url.`,
    );
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  if (!keep)
    onCleanup(async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** The API's environment: only what the bench decides, on top of PATH & co. */
export function apiEnv({ port, dataDir, outboxDir, databaseUrl, extra }) {
  const env = { ...process.env };
  // The caller's shell must not redirect the bench to another database or a real mail server.
  for (const key of Object.keys(env)) {
    if (key === 'DATABASE_URL' || key === 'SMTP_URL' || key.startsWith('NEC_')) delete env[key];
  }
  return {
    ...env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    NEC_DATA_DIR: dataDir,
    NEC_OUTBOX_DIR: outboxDir,
    NEC_COOKIE_SECURE: 'false',
    NEC_AUTH_RATE_LIMIT: '1000',
    // The load comes from a few accounts: the per-account limits would measure themselves.
    NEC_WRITE_RATE_LIMIT: '100000000',
    NEC_QUOTA_DOSSIERS_PER_YEAR: '100000',
    NEC_QUOTA_ORGANISATIONS: '100000',
    // One JSON line per request would make the bench measure the parsing of its own log pipe.
    NEC_LOG_LEVEL: 'warn',
    NEC_LOG_SQL: 'false',
    // Production mode on a throw-away setup: the embedded database (unless --postgres), the
    // outbox folder and no scanner are waived on purpose, as production requires.
    NEC_WAIVE_POSTGRES: 'true',
    NEC_WAIVE_SMTP: 'true',
    NEC_WAIVE_SCANNER: 'true',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...extra,
  };
}

export function runCli(script, env, label) {
  const started = Date.now();
  // A large buffer: with NEC_LOG_SQL the demo seed prints megabytes (past spawnSync's 1 MB
  // default, the child is killed and the run fails for nothing).
  const result = spawnSync(process.execPath, [script], {
    cwd: API_DIR,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.slice(-4000);
    const why = result.error ? ` ${result.error.message}` : '';
    throw new Error(
      `${label} a échoué (code ${result.status ?? result.signal}${why}) :\n${output}`,
    );
  }
  return Date.now() - started;
}

// ---------------------------------------------------------------------------------------------
// Direct database access, before the API starts (PGlite is single-process: the API must not run)

/** `{ query(sql, params) → { rows }, close() }` on the bench's database; PGlite through the API's own driver. */
export async function openDatabase(databaseUrl, dataDir) {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return { query: (sql, params) => client.query(sql, params), close: () => client.end() };
  }
  const { openPglite } = await import(
    pathToFileURL(join(API_DIR, 'dist/database/pglite-driver.js')).href
  );
  const db = await openPglite(dataDir);
  return { query: (sql, params) => db.query(sql, params), close: () => db.close() };
}

/**
 * Multi-row INSERT in chunks of `chunk` rows, with placeholders (no driver-specific array
 * handling: pass arrays as literals with `pgArray` and a `::text[]` cast in `casts`).
 */
export async function insertRows(db, table, columns, rows, { chunk = 200, casts = {} } = {}) {
  for (let start = 0; start < rows.length; start += chunk) {
    const params = [];
    const tuples = rows.slice(start, start + chunk).map((row) => {
      const slots = columns.map((column, i) => {
        params.push(row[i]);
        return `$${params.length}${casts[column] ?? ''}`;
      });
      return `(${slots.join(', ')})`;
    });
    await db.query(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`,
      params,
    );
  }
}

/** A PostgreSQL array literal of strings (`{"a","b"}`). */
export const pgArray = (items) =>
  `{${items.map((item) => `"${String(item).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;

export async function startApi(env, logFile, nodeOptions = []) {
  const log = createWriteStream(logFile);
  const tail = [];
  const child = spawn(process.execPath, [...nodeOptions, API_MAIN], {
    cwd: API_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      log.write(chunk);
      tail.push(...chunk.toString().split('\n').filter(Boolean));
      tail.splice(0, Math.max(0, tail.length - 40));
    });
  }
  let exited = null;
  const exit = new Promise((resolveExit) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolveExit(exited);
    });
  });
  onCleanup(async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
    }
    await new Promise((r) => log.end(r));
  });

  const base = `http://${env.HOST}:${env.PORT}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited)
      throw new Error(
        `L’API s’est arrêtée au démarrage (code ${exited.code ?? exited.signal}) :\n${tail.join('\n')}`,
      );
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`L’API ne répond pas sur ${base}/health après 60 s :\n${tail.join('\n')}`);
    await sleep(200);
  }
  return { base, child, tail, isRunning: () => !exited };
}

/** Clock ticks per second of /proc/<pid>/stat (Linux); null where there is no /proc. */
const CLOCK_TICKS = (() => {
  if (process.platform !== 'linux') return null;
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(out.stdout) || 100;
})();

/** CPU time (user + system, ms) a process has used so far, or null if it cannot be read. */
export function cpuTimeMs(pid) {
  if (!CLOCK_TICKS) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), which ends with ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// HTTP and figures

export async function call(base, method, path, { body, session } = {}) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrfToken;
  }
  const res = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, text, headers: res.headers };
}

export async function expectStatus(promise, expected, what) {
  const res = await promise;
  if (!expected.includes(res.status)) {
    throw new Error(
      `${what} : HTTP ${res.status} (attendu ${expected.join(' ou ')}) — ${res.text.slice(0, 500)}`,
    );
  }
  return res;
}

export function sessionFrom(res) {
  const cookies =
    typeof res.headers.getSetCookie === 'function'
      ? res.headers.getSetCookie()
      : [res.headers.get('set-cookie') ?? ''];
  const session = cookies.map((c) => c.split(';')[0]).find((c) => c.startsWith('nec_session='));
  if (!session || !res.json?.csrfToken)
    throw new Error('La connexion n’a pas renvoyé de cookie de session ou de jeton CSRF.');
  return { cookie: session, csrfToken: res.json.csrfToken };
}

// ---------------------------------------------------------------------------------------------
// Agents' second factor (mandatory in production): the benches insert their agent already
// enrolled with a secret of their own, then complete each sign-in with a code, like a browser.

/** A TOTP secret for an agent the bench inserts (`mfa_secret`, with `mfa_enabled_at` set). */
export const newTotpSecret = () => generateSecret();

/**
 * Signs an agent in (password, then the code of `totpSecret` on POST /api/auth/mfa/verify) and
 * returns the session for `call` (cookie and CSRF token). A code serves once: sign in once.
 */
export async function signInAgent(base, { email, password, totpSecret }, what = 'Connexion') {
  const signIn = await expectStatus(
    call(base, 'POST', '/api/auth/sign-in', { body: { email, password } }),
    [200],
    what,
  );
  const session = sessionFrom(signIn);
  if (signIn.json.mfaPending !== 'verify') {
    throw new Error(
      `${what} : second facteur attendu (« verify »), reçu ${signIn.json.mfaPending}`,
    );
  }
  const code = await generate({ secret: totpSecret, epoch: Date.now() / 1000 });
  await expectStatus(
    call(base, 'POST', '/api/auth/mfa/verify', { body: { code }, session }),
    [200],
    `${what} (second facteur)`,
  );
  return session;
}

/** Runs `fn` over `items` with at most `limit` calls in flight. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i], i);
      }
    }),
  );
  return results;
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** Writes a bench's results as JSON, with when and on what machine they were measured. */
export function writeJsonReport(file, { postgres, ...results }) {
  const report = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverage1m: loadavg()[0],
    database: postgres ? 'postgres' : 'embedded',
    ...results,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nRésultats écrits dans ${file}`);
}
