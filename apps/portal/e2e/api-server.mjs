// Starts the real API for the end-to-end suite: a fresh embedded database (migrated, with the
// demo data) in test-results/, mails written to an outbox the tests read. Run by Playwright's
// webServer; stopped by it at the end.
import { spawnSync, spawn } from 'node:child_process';
import { rmSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../test-results/', import.meta.url));
const api = fileURLToPath(new URL('../../api/', import.meta.url));
const port = process.env.NEC_E2E_API_PORT ?? '3590';
const env = {
  ...process.env,
  NODE_ENV: 'development',
  PORT: port,
  NEC_DATA_DIR: `${root}e2e-data-${port}`,
  NEC_OUTBOX_DIR: `${root}e2e-outbox-${port}`,
  NEC_ATTACHMENTS_DIR: `${root}e2e-attachments-${port}`,
  NEC_PORTAL_URL: `http://127.0.0.1:${process.env.NEC_E2E_PORTAL_PORT ?? '5590'}`,
  NEC_AUTH_RATE_LIMIT: '1000',
  // The journeys write fast with the demo accounts: the per-account limits stay out of the way.
  NEC_WRITE_RATE_LIMIT: '100000',
  NEC_QUOTA_DOSSIERS_PER_YEAR: '100000',
  NEC_QUOTA_MESSAGES_PER_HOUR: '100000',
};
for (const dir of [`e2e-data-${port}`, `e2e-outbox-${port}`, `e2e-attachments-${port}`]) {
  rmSync(`${root}${dir}`, { recursive: true, force: true });
  mkdirSync(`${root}${dir}`, { recursive: true });
}
for (const step of ['dist/cli/migrate.js', 'dist/cli/seed.js']) {
  const run = spawnSync(process.execPath, [step], { cwd: api, env, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
const server = spawn(process.execPath, ['dist/main.js'], { cwd: api, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
