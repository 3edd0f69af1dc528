import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiUiEnabled } from '../src/app.factory.js';
import { parseConfig } from '../src/config/config.js';
import { startTestApp, type TestApp } from './harness.js';

/** The OpenAPI UI can be switched off (NEC_OPENAPI_UI); the JSON document stays (docs/security.md). */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ NEC_OPENAPI_UI: 'false' });
});
afterAll(async () => {
  await t.close();
});

/** Production as it must be configured (see config.test.ts): PostgreSQL, SMTP and a scanner. */
const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://nec@db:5432/nec',
  SMTP_URL: 'smtp://mail:25',
  NEC_CLAMD_URL: 'tcp://clamd:3310',
};

describe('the OpenAPI UI switch', () => {
  it('is on by default in development and tests, off in production, as configured otherwise', () => {
    expect(openApiUiEnabled(parseConfig({ NODE_ENV: 'development' }))).toBe(true);
    expect(openApiUiEnabled(parseConfig({ NODE_ENV: 'test' }))).toBe(true);
    expect(openApiUiEnabled(parseConfig({ ...production }))).toBe(false);
    expect(openApiUiEnabled(parseConfig({ ...production, NEC_OPENAPI_UI: 'true' }))).toBe(true);
  });

  it('switched off: no UI at /api/docs, the JSON document still served', async () => {
    const ui = await t.http().get('/api/docs');
    expect(ui.status).toBe(404);
    expect(ui.text).not.toContain('swagger-ui');
    expect((await t.http().get('/api/docs/')).status).toBe(404);
    const json = await t.http().get('/api/docs/openapi.json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    await t.http().get('/api/docs-json').expect(200);
  });
});
