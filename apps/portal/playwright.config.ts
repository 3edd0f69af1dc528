import { defineConfig } from '@playwright/test';
import { e2e, apiUrl, portalUrl } from './e2e/env.js';

/**
 * End-to-end suite: Debian's chromium (never a downloaded browser) against the built portal
 * (`vite preview`, `/api` proxied) and the real API on a fresh embedded database with the demo
 * data. Every page visited is scanned by axe-core (see e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: './e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: portalUrl,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    launchOptions: {
      executablePath: e2e.chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'off',
  },
  webServer: [
    {
      command: 'node e2e/api-server.mjs',
      url: `${apiUrl}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node node_modules/vite/bin/vite.js preview --port ${e2e.portalPort} --strictPort`,
      url: portalUrl,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { NEC_API_URL: apiUrl },
    },
  ],
});
