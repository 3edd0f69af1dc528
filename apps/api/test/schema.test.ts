import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentsService } from '../src/attachments/attachments.service.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('database schema', () => {
  it('is exactly what the entities describe once the migrations have run', async () => {
    const pending = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('reports the database in /health', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers 503 on /health when the database is gone', async () => {
    const other = await startTestApp();
    // The start-up work (resuming attachment scans) reads the database: let it finish, or the
    // closing app waits for it until its shutdown grace runs out.
    await other.app.get(AttachmentsService).settled();
    await other.database.close();
    const res = await other.http().get('/health');
    expect(res.status).toBe(503);
    expect(res.body.error).toBe('database-unavailable');
    await other.close();
  });

  it('publishes the OpenAPI document with the shared schemas as request bodies', async () => {
    const res = await t.http().get('/api/docs/openapi.json').expect(200);
    const draft = res.body.paths['/api/dossiers/{id}/draft'].put;
    expect(draft.requestBody.content['application/json'].schema.properties).toHaveProperty(
      'version',
    );
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/sign-in', '/api/dossiers', '/health']),
    );
  });
});
