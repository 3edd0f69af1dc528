import { fileURLToPath } from 'node:url';

/**
 * Where the end-to-end run lives: its own ports (never 3000/5173/5174), a fresh embedded
 * database and an outbox under test-results/ (git-ignored), the same in every worker.
 */
const apiPort = Number(process.env.NEC_E2E_API_PORT ?? 3590);
export const e2e = {
  apiPort,
  portalPort: Number(process.env.NEC_E2E_PORTAL_PORT ?? 5590),
  dataDir: fileURLToPath(new URL(`../test-results/e2e-data-${apiPort}/`, import.meta.url)),
  outboxDir: fileURLToPath(new URL(`../test-results/e2e-outbox-${apiPort}/`, import.meta.url)),
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
};
export const portalUrl = `http://127.0.0.1:${e2e.portalPort}`;
export const apiUrl = `http://127.0.0.1:${e2e.apiPort}`;
