import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { permanentNecLocalCampaign, type Campaign } from '@nec/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicant,
  insertCampaign,
  insertDossierRow,
  insertOrganisation,
  type Client,
} from './fixtures.js';
import { startTestApp, testDatabaseKind, type TestApp } from './harness.js';

// Infrastructure faults seen from HTTP: a storage or a database that cannot serve is a 503 with
// `Retry-After` (the client may retry), never a 500; a client trickling its body is cut.

const YEAR = new Date().getUTCFullYear();
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

let t: TestApp;
let dir: string;
let campaign: Campaign;
let alice: Client;
let dossierId: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nec-faults-'));
  // The attachments folder sits under a regular file: every write fails (ENOTDIR), as on a
  // read-only or vanished volume.
  await writeFile(join(dir, 'not-a-folder'), 'x');
  t = await startTestApp({
    NEC_ATTACHMENTS_DIR: join(dir, 'not-a-folder', 'attachments'),
    NEC_REQUEST_TIMEOUT_MS: '1500',
    NEC_HEADERS_TIMEOUT_MS: '1000',
  });
  campaign = permanentNecLocalCampaign(YEAR);
  await insertCampaign(t, campaign);
  alice = await applicant(t, 'alice-pannes@example.org');
  const org = await insertOrganisation(t, alice.userId, 'Association des Pannes (fictive)');
  dossierId = await insertDossierRow(t, {
    campaign,
    organisationId: org,
    createdBy: alice.userId,
    state: 'draft',
  });
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

function expectUnavailable(
  res: { status: number; body: unknown; headers: Record<string, string> },
  code: string,
) {
  expect(res.status).toBe(503);
  expect(res.headers['retry-after']).toBe('5');
  expect(res.body).toMatchObject({ error: code, fields: [], retryAfterSeconds: 5 });
  expect((res.body as { message: string }).message).toMatch(/Réessayez/);
}

describe('storage failures', () => {
  it('answers 503 storage-unavailable when the attachments folder cannot be written', async () => {
    const res = await alice.agent
      .post(`/api/dossiers/${dossierId}/attachments`)
      .set('X-CSRF-Token', alice.csrfToken)
      .field('kind', 'budget')
      .attach('file', pdf, { filename: 'budget.pdf', contentType: 'application/pdf' });
    expectUnavailable(res, 'storage-unavailable');
    // Nothing half-recorded: the dossier lists no file.
    const list = await alice.get(`/api/dossiers/${dossierId}/attachments`).expect(200);
    expect(JSON.stringify(list.body)).not.toContain('budget.pdf');
  });
});

/** The test database's name, for PostgreSQL's admin commands. */
const databaseName = () => new URL(t.config.DATABASE_URL ?? 'postgres://x/none').pathname.slice(1);

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({
    connectionString:
      process.env.NEC_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe('database failures', () => {
  it('answers 503 database-unavailable while the database is gone, and recovers', async () => {
    await alice.get('/api/dossiers').expect(200);
    if (testDatabaseKind === 'postgres') {
      // A real cut: PostgreSQL kills the API's connections and refuses new ones.
      const name = databaseName();
      await admin(async (c) => {
        await c.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
        await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
          name,
        ]);
      });
    } else {
      // The embedded server stopped under the API (what a fatal error does).
      await t.database.dataSource.destroy();
    }
    for (const path of ['/api/dossiers', `/api/dossiers/${dossierId}`]) {
      expectUnavailable(await alice.get(path), 'database-unavailable');
    }
    expectUnavailable(
      await alice.put(`/api/dossiers/${dossierId}/draft`, { version: 1, content: { title: 'x' } }),
      'database-unavailable',
    );
    // The cheapest route does not need the database.
    await t.http().get('/api/ping').expect(200);
    if (testDatabaseKind === 'postgres') {
      await admin((c) => c.query(`ALTER DATABASE ${databaseName()} WITH ALLOW_CONNECTIONS true`));
    } else {
      await t.database.dataSource.initialize();
    }
    await alice.get('/api/dossiers').expect(200);
  });
});

describe('slow clients', () => {
  /** Sends headers announcing a body, then one byte a second; resolves with what the server said. */
  function trickle(): Promise<{ text: string; elapsedMs: number; sentBytes: number }> {
    const server = t.app.getHttpServer();
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1');
      let text = '';
      let sentBytes = 0;
      const timer = setInterval(() => {
        if (socket.writable) {
          socket.write('a');
          sentBytes += 1;
        }
      }, 1000);
      socket.on('connect', () => {
        socket.write(
          'POST /api/auth/sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
        );
      });
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ text, elapsedMs: Date.now() - started, sentBytes });
      });
      setTimeout(() => reject(new Error('the slow request was never cut')), 15_000).unref();
    });
  }

  it('cuts a body trickled at 1 byte/s after the request timeout, with a 408', async () => {
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { text, elapsedMs, sentBytes } = await trickle();
      expect(text).toMatch(/^HTTP\/1\.1 408/);
      expect(text).toMatch(/connection: close/i);
      expect(text).toContain('"error":"request-timeout"');
      expect(elapsedMs).toBeGreaterThanOrEqual(1400);
      expect(elapsedMs).toBeLessThan(5000);
      expect(sentBytes).toBeLessThan(5);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('applies the configured limits to the server', () => {
    const server = t.app.getHttpServer();
    expect(server.requestTimeout).toBe(1500);
    expect(server.headersTimeout).toBe(1000);
    expect(server.keepAliveTimeout).toBe(5000);
  });
});
