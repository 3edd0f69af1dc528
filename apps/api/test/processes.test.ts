import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get as httpGet, request as httpRequest, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { permanentNecLocalCampaign } from '@nec/domain';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lockDataDir, lockPathOf } from '../src/database/data-dir-lock.js';
import { applicant, insertCampaign, insertOrganisation, PASSWORD } from './fixtures.js';
import { startTestApp, testDatabaseKind } from './harness.js';
import {
  assertBuilt,
  call,
  exitWithin,
  freePort,
  signIn,
  spawnApi,
  stopApi,
  untilReady,
  type Session,
  type SpawnedApi,
} from './spawned-api.js';

// What only real processes show: the embedded folder's lock, signals, kill -9, a disk that
// refuses writes. Each test starts the built API (dist/main.js) as a child process.

const YEAR = new Date().getUTCFullYear();
const EMAIL = 'durable@example.org';
const DOSSIERS = 6;

interface Prepared {
  dir: string;
  dataDir: string;
  env: Record<string, string>;
  dossierIds: string[];
  drop: () => Promise<void>;
}

/** A migrated database (folder or PostgreSQL) with an applicant and their draft dossiers. */
async function prepare(kind: 'embedded' | 'postgres'): Promise<Prepared> {
  const dir = await mkdtemp(join(tmpdir(), 'nec-processes-'));
  const dataDir = join(dir, 'pglite');
  const t = await startTestApp({ NEC_DATA_DIR: dataDir }, {}, { keepDatabase: true, kind });
  t.clock.set(`${YEAR}-03-02T09:00:00Z`);
  const campaign = permanentNecLocalCampaign(YEAR);
  await insertCampaign(t, campaign);
  const alice = await applicant(t, EMAIL);
  const organisationId = await insertOrganisation(t, alice.userId, 'Association Durable (fictive)');
  const dossierIds: string[] = [];
  for (let i = 0; i < DOSSIERS; i += 1) {
    const res = await alice.post('/api/dossiers', { campaignId: campaign.id, organisationId });
    expect(res.status).toBe(201);
    dossierIds.push((res.body as { id: string }).id);
  }
  const databaseUrl = t.config.DATABASE_URL;
  await t.close();
  const files = { NEC_OUTBOX_DIR: join(dir, 'outbox'), NEC_ATTACHMENTS_DIR: join(dir, 'files') };
  return {
    dir,
    dataDir,
    env: databaseUrl
      ? { ...files, DATABASE_URL: databaseUrl }
      : { ...files, NEC_DATA_DIR: dataDir },
    dossierIds,
    drop: async () => {
      await t.dropDatabase();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function start(prepared: Prepared, extra: Record<string, string> = {}, limitKb?: number) {
  return untilReady(
    spawnApi({
      port: await freePort(),
      env: { ...prepared.env, ...extra },
      fileSizeLimitKb: limitKb,
    }),
  );
}

// Each test starts API processes (a few seconds each on a loaded 2-core machine).
vi.setConfig({ testTimeout: 480_000, hookTimeout: 300_000 });

const spawned: SpawnedApi[] = [];
const track = (api: SpawnedApi) => (spawned.push(api), api);

beforeAll(() => assertBuilt());
afterAll(async () => {
  await Promise.all(spawned.map(stopApi));
});

describe('one process per embedded database folder', () => {
  let prepared: Prepared;
  beforeAll(async () => {
    prepared = await prepare('embedded');
  });
  afterAll(() => prepared.drop());

  it('refuses a second process at once, naming the first; checks the port before the folder', async () => {
    const first = track(await start(prepared));
    const lock = lockPathOf(prepared.dataDir);
    expect(existsSync(lock)).toBe(true);

    const second = track(spawnApi({ port: await freePort(), env: prepared.env }));
    const refused = await exitWithin(second, 15_000);
    expect(refused.code).toBe(1);
    expect(second.output()).toContain(`est déjà utilisée par le processus ${first.pid}`);

    // Same port, another folder: refused before the folder is even created.
    const otherDir = join(prepared.dir, 'other');
    const samePort = track(
      spawnApi({ port: first.port, env: { ...prepared.env, NEC_DATA_DIR: otherDir } }),
    );
    expect((await exitWithin(samePort, 15_000)).code).toBe(1);
    expect(samePort.output()).toContain(`Le port ${first.port}`);
    expect(existsSync(otherDir)).toBe(false);

    // The first one never noticed.
    expect((await call(first.base, 'GET', '/health')).status).toBe(200);

    // A clean stop releases the lock; a kill -9 leaves a stale one, taken over at the next start.
    first.child.kill('SIGTERM');
    expect((await exitWithin(first, 10_000)).code).toBe(0);
    expect(existsSync(lock)).toBe(false);
    const third = track(await start(prepared));
    third.child.kill('SIGKILL');
    await exitWithin(third, 5_000);
    expect(existsSync(lock)).toBe(true);
    const fourth = track(await start(prepared));
    expect((await call(fourth.base, 'GET', '/health')).status).toBe(200);
    await stopApi(fourth);
  });

  it('locks within one process too (the open function called twice)', async () => {
    const dir = join(prepared.dir, 'twice');
    const held = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(`processus ${process.pid}`);
    held.release();
    const again = await lockDataDir(dir);
    again.release();
    // A lock file left by a process that no longer runs is stale.
    await writeFile(
      lockPathOf(dir),
      JSON.stringify({ pid: 2 ** 22 + 1, host: (await import('node:os')).hostname(), since: 'x' }),
    );
    (await lockDataDir(dir)).release();
  });
});

/** Saves drafts on every dossier in a loop until the process dies; returns what was acknowledged. */
function saveUntilDeath(base: string, session: Session, ids: string[], state: Map<string, number>) {
  const acked = new Map<string, { version: number; title: string }>();
  return {
    acked,
    done: Promise.all(
      ids.map(async (id) => {
        let version = state.get(id) ?? 1;
        for (let n = 0; ; n += 1) {
          const title = `Sauvegarde ${id.slice(0, 8)} n° ${n}`;
          let res;
          try {
            res = await call(base, 'PUT', `/api/dossiers/${id}/draft`, {
              session,
              body: { version, content: { title } },
            });
          } catch {
            return; // the process is gone: this save was not acknowledged
          }
          if (res.status !== 200) return;
          version = (res.json as { version: number }).version;
          acked.set(id, { version, title });
        }
      }),
    ),
  };
}

describe.each([testDatabaseKind])('no acknowledged write is lost (%s)', (kind) => {
  let prepared: Prepared;
  beforeAll(async () => {
    prepared = await prepare(kind);
  });
  afterAll(() => prepared.drop());

  it.each(['SIGKILL', 'SIGTERM'] as const)('across %s', async (signal) => {
    const api = track(await start(prepared));
    const session = await signIn(api.base, EMAIL, PASSWORD);
    const versions = new Map<string, number>();
    for (const id of prepared.dossierIds) {
      const res = await call(api.base, 'GET', `/api/dossiers/${id}`, { session });
      versions.set(id, (res.json as { version: number }).version);
    }
    const saving = saveUntilDeath(api.base, session, prepared.dossierIds, versions);
    // Kill while saves are flowing on every dossier.
    while (saving.acked.size < DOSSIERS) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));
    api.child.kill(signal);
    const exit = await exitWithin(api, 10_000);
    if (signal === 'SIGTERM') expect(exit.code).toBe(0);
    await saving.done;

    const again = track(await start(prepared));
    const session2 = await signIn(again.base, EMAIL, PASSWORD);
    for (const [id, last] of saving.acked) {
      const read = await call(again.base, 'GET', `/api/dossiers/${id}`, { session: session2 });
      const dossier = read.json as { version: number; title: string };
      // The last acknowledged save is there (or a later one whose answer was cut by the kill).
      expect(dossier.version).toBeGreaterThanOrEqual(last.version);
      if (dossier.version === last.version) expect(dossier.title).toBe(last.title);
    }
    await stopApi(again);
  });
});

describe('graceful shutdown', () => {
  let prepared: Prepared;
  beforeAll(async () => {
    prepared = await prepare(testDatabaseKind);
  });
  afterAll(() => prepared.drop());

  /** Starts a request whose body is held back: it stays in flight until `finish()`. */
  function heldRequest(api: SpawnedApi, agent: Agent) {
    const body = JSON.stringify({ email: 'personne@example.org', password: 'x'.repeat(12) });
    let status = 0;
    let connection = '';
    const req = httpRequest(`${api.base}/api/auth/sign-in`, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const answered = new Promise<void>((resolve, reject) => {
      req.on('response', (res) => {
        status = res.statusCode ?? 0;
        connection = String(res.headers.connection);
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
    });
    // Resolves once the headers and the first bytes are in the kernel's hands.
    const written = new Promise<void>((resolve) => req.write(body.slice(0, 5), () => resolve()));
    return {
      /**
       * Resolves once the API handles the request: its bytes were written, then a request sent
       * after them on another connection came back (the API reads its sockets in turn, so a
       * loaded machine cannot leave the held request unread behind the signal).
       */
      inFlight: async () => {
        await written;
        await new Promise<void>((resolve, reject) =>
          httpGet(`${api.base}/api/ping`, { agent: false }, (res) =>
            res.resume().on('end', resolve),
          ).on('error', reject),
        );
      },
      finish: () => req.end(body.slice(5)),
      answered: answered.then(() => ({ status, connection })),
    };
  }

  it('stops accepting, finishes in-flight requests with Connection: close, then exits 0', async () => {
    const api = track(await start(prepared));
    const agent = new Agent({ keepAlive: true });
    const held = heldRequest(api, agent);
    await held.inFlight();
    api.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    // New connections are refused…
    await expect(fetch(`${api.base}/api/ping`)).rejects.toThrow();
    // …the request in flight is answered, and told the connection ends.
    held.finish();
    const answer = await held.answered;
    expect(answer.status).toBe(401);
    expect(answer.connection).toBe('close');
    const exit = await exitWithin(api, 10_000);
    expect(exit.code).toBe(0);
    expect(api.output()).toContain('Arrêt terminé');
    agent.destroy();
  });

  it('exits within the configured time even if a request never ends', async () => {
    const api = track(await start(prepared, { NEC_SHUTDOWN_TIMEOUT_MS: '1000' }));
    const agent = new Agent({ keepAlive: true });
    const held = heldRequest(api, agent);
    held.answered.catch(() => undefined); // it is cut
    await held.inFlight();
    api.child.kill('SIGTERM');
    const exit = await exitWithin(api, 8_000);
    // 1 s of drain, then the database's close; well under the default 8 s (a loaded machine
    // delays the exit itself by a few hundred ms).
    expect(exit.ms).toBeLessThan(4_000);
    expect(api.output()).toContain('Délai dépassé');
    agent.destroy();
  });
});

describe('a disk that refuses the embedded database’s writes', () => {
  let prepared: Prepared;
  beforeAll(async () => {
    prepared = await prepare('embedded');
  });
  afterAll(() => prepared.drop());

  it('never hangs: answers 503 or is ended by the watchdog, then restarts with every write there', async () => {
    // Files may not grow past 1 MiB: the next write-ahead log write fails (EFBIG), which is
    // PostgreSQL's PANIC, exactly as with ENOSPC on a full disk. PGlite either reports it (503,
    // then a clean exit 1) or spins inside WebAssembly (the watchdog kills the process).
    const api = track(await start(prepared, { NEC_STALL_TIMEOUT_MS: '3000' }, 1024));
    const res = await call(api.base, 'POST', '/api/auth/sign-in', {
      body: { email: EMAIL, password: PASSWORD },
    }).catch(() => null);
    if (res) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.json).toMatchObject({ error: 'database-unavailable' });
    }
    const exit = await exitWithin(api, 30_000);
    expect(exit.code === 1 || exit.signal === 'SIGKILL').toBe(true);
    expect(api.output()).toMatch(/Erreur fatale de la base embarquée|Le processus ne répond plus/);

    // Space is back: the next start replays the log and serves.
    const again = track(await start(prepared));
    const session = await signIn(again.base, EMAIL, PASSWORD);
    const list = await call(again.base, 'GET', '/api/dossiers', { session });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.json)).toContain(prepared.dossierIds[0]);
    await stopApi(again);
  });
});
