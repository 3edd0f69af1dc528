import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';
import pg from 'pg';
import request from 'supertest';
import { z } from 'zod';
import { createApp } from '../src/app.factory.js';
import type { AppOptions } from '../src/app.module.js';
import { BackgroundWork } from '../src/auth/background-work.js';
import { Clock } from '../src/clock/clock.js';
import { createLogger } from '../src/common/logger.js';
import { parseConfig, type AppConfig } from '../src/config/config.js';
import { openDatabase, type Database } from '../src/database/data-source.js';
import { migrate } from '../src/database/migrate.js';
import { checkAgainstContract } from './contract-check.js';

/**
 * Each test file gets its own database: in-memory PGlite by default, or a fresh PostgreSQL
 * database (created here, dropped at the end) when NEC_TEST_DATABASE=postgres.
 */
const testEnv = z
  .object({
    NEC_TEST_DATABASE: z.enum(['embedded', 'postgres']).default('embedded'),
    NEC_TEST_POSTGRES_URL: z.string().default('postgres://postgres@127.0.0.1:5432/test'),
  })
  .parse(process.env);

export const testDatabaseKind = testEnv.NEC_TEST_DATABASE;

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `nec_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: testEnv.NEC_TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(testEnv.NEC_TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: testEnv.NEC_TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A clock the tests can move. */
export class TestClock extends Clock {
  private fixed: Date | null = null;
  override now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }
  set(iso: string | null): void {
    this.fixed = iso ? new Date(iso) : null;
  }
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  database: Database;
  clock: TestClock;
  http: () => request.Agent;
  outbox: OutboxReader;
  /** Resolves once the work done after answering (sign-up, password reset) is over. */
  settled: () => Promise<void>;
  close: () => Promise<void>;
  /** Drops the PostgreSQL database of a test app started with `keepDatabase` (no-op otherwise). */
  dropDatabase: () => Promise<void>;
}

export interface StartOptions {
  /** Keep the database after `close()` (another process opens it next); drop it with `dropDatabase`. */
  keepDatabase?: boolean;
  /** Override the database kind of the run (e.g. an embedded folder in the PostgreSQL run). */
  kind?: 'embedded' | 'postgres';
  /** Where the JSON logs go (standard output otherwise): see `LogCapture` in log-capture.ts. */
  logs?: DestinationStream;
  /**
   * Another replica: this app opens the database of `other` instead of a new one, and neither
   * drops nor closes it. PostgreSQL: its own pool on the same database (`other` may be closed
   * already if it kept its database). Embedded: the same PGlite while `other` runs, else its
   * folder reopened (a restart; `memory://` cannot be). Sharing one PGlite, close both apps
   * together: Nest's TypeORM module ends the shared DataSource with whichever closes first.
   */
  sameDatabaseAs?: TestApp;
}

export interface OutboxReader {
  /** Messages written so far, oldest first, as raw text. */
  all(): Promise<string[]>;
  /** The last message sent to an address. */
  lastTo(email: string): Promise<string>;
  /** The `jeton=` token in the last link mailed to an address. */
  tokenFor(email: string): Promise<string>;
}

/** Undoes quoted-printable (soft line breaks, =XX bytes) so tests read the text as sent. */
function decodeQuotedPrintable(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '');
  const bytes = unfolded.replace(/(?:=[0-9A-F]{2})+/g, (run) =>
    Buffer.from(
      run
        .split('=')
        .slice(1)
        .map((h) => parseInt(h, 16)),
    ).toString('utf8'),
  );
  return bytes;
}

/**
 * Reads the mails written to `dir`, once the work done after answering (sign-up, reset: see
 * `BackgroundWork`) is over.
 */
function outboxReader(dir: string, settled: () => Promise<void>): OutboxReader {
  const all = async () => {
    await settled();
    const files = (await readdir(dir).catch(() => [] as string[])).sort();
    const raw = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
    return raw.map(decodeQuotedPrintable);
  };
  const lastTo = async (email: string) => {
    const mails = (await all()).filter((m) =>
      m.toLowerCase().includes(`to: ${email.toLowerCase()}`),
    );
    const last = mails[mails.length - 1];
    if (!last) throw new Error(`no mail to ${email}`);
    return last;
  };
  return {
    all,
    lastTo,
    tokenFor: async (email) => {
      const text = await lastTo(email);
      const match = /jeton=([A-Za-z0-9_-]+)/.exec(text);
      if (!match?.[1]) throw new Error(`no token in the last mail to ${email}`);
      return match[1];
    },
  };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The supertest agent, with every request it makes checked against the contract once its
 * response arrives (see `contract-check.ts`): the check runs before the test's own `.expect`s.
 */
function checkedAgent(agent: request.Agent): request.Agent {
  for (const method of METHODS) {
    const send: (url: string) => request.Test = agent[method].bind(agent);
    const checked = (url: string) =>
      send(url).expect((res) => checkAgainstContract(method, url, res));
    Object.assign(agent, { [method]: checked });
  }
  return agent;
}

/** What opens the database of another test app (see `StartOptions.sameDatabaseAs`). */
function sharedDatabaseEnv(other: AppConfig): Record<string, string> {
  return other.DATABASE_URL
    ? { DATABASE_URL: other.DATABASE_URL }
    : { NEC_DATA_DIR: other.NEC_DATA_DIR };
}

let migrated: Promise<Blob | undefined> | undefined;

/**
 * An empty in-memory database with every migration applied, made once per worker (test files
 * share their worker's modules): each file's database starts from it instead of creating a
 * database cluster, about 2 s each. `migrate` still runs on the copy and finds nothing to do.
 */
function migratedCopy(config: AppConfig): Promise<Blob | undefined> {
  if (config.DATABASE_URL || config.NEC_DATA_DIR !== 'memory://') return Promise.resolve(undefined);
  migrated ??= (async () => {
    const database = await openDatabase(config, createLogger(config));
    try {
      await migrate(database);
      if (!database.copy) throw new Error('an embedded database can be copied');
      return await database.copy();
    } finally {
      await database.close();
    }
  })().catch((error: unknown) => {
    migrated = undefined;
    throw error;
  });
  return migrated;
}

export async function startTestApp(
  env: Record<string, string> = {},
  options: Omit<AppOptions, 'clock'> = {},
  start: StartOptions = {},
): Promise<TestApp> {
  const outboxDir = await mkdtemp(join(tmpdir(), 'nec-outbox-'));
  const kind = start.kind ?? testEnv.NEC_TEST_DATABASE;
  const shared = start.sameDatabaseAs;
  const pgDb = kind === 'postgres' && !shared ? await createPostgresDatabase() : null;
  const config = parseConfig({
    NODE_ENV: 'test',
    NEC_DATA_DIR: 'memory://',
    NEC_OUTBOX_DIR: outboxDir,
    NEC_AUTH_RATE_LIMIT: '1000',
    // Hashing at the production cost is auth.test.ts's subject (timing); elsewhere its ~120 ms
    // per sign-up or sign-in only slowed the run (about 500 hashes).
    NEC_PASSWORD_SCRYPT_COST: '10',
    // Agents' second factor is tested in its own file (account-security.test.ts); elsewhere
    // an agent signs in with the password only.
    NEC_MFA_REQUIRED_FOR_AGENTS: 'false',
    // Many files move the clock by days within one session: idle sessions are tested in
    // account-security.test.ts, with the real limits.
    NEC_IDLE_TIMEOUT_AGENT_MINUTES: '525600',
    NEC_IDLE_TIMEOUT_APPLICANT_MINUTES: '525600',
    // The abuse limits are tested where they are set low; elsewhere they stay out of the way.
    NEC_WRITE_RATE_LIMIT: '100000',
    NEC_QUOTA_MESSAGES_PER_HOUR: '100000',
    NEC_QUOTA_DOSSIERS_PER_YEAR: '100000',
    NEC_QUOTA_ORGANISATIONS: '100000',
    NEC_QUOTA_ATTACHMENTS_PER_DOSSIER: '100000',
    NEC_QUOTA_PENDING_INVITATIONS: '100000',
    NEC_QUOTA_PENDING_JOIN_REQUESTS: '100000',
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    ...(shared ? sharedDatabaseEnv(shared.config) : {}),
    ...env,
  });
  const database =
    shared?.database.dataSource.isInitialized && shared.database.kind === 'embedded'
      ? { ...shared.database, close: () => Promise.resolve() }
      : await openDatabase(config, createLogger(config, start.logs), {
          ...(shared ? {} : { copyOf: await migratedCopy(config) }),
        });
  await migrate(database);
  const clock = new TestClock();
  const app = await createApp(config, database, { ...options, clock });
  return {
    app,
    config,
    database,
    clock,
    http: () => checkedAgent(request.agent(app.getHttpServer())),
    outbox: outboxReader(outboxDir, () => app.get(BackgroundWork).idle()),
    settled: () => app.get(BackgroundWork).idle(),
    close: async () => {
      await app.close();
      await database.close();
      if (!start.keepDatabase) await pgDb?.drop();
      await rm(outboxDir, { recursive: true, force: true });
    },
    dropDatabase: async () => {
      await pgDb?.drop();
    },
  };
}
