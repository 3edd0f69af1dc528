// Serves the built reporting app (vite preview, its `/api` proxied) beside the real built API on
// a throw-away embedded database with the demo data (history included), as its e2e suite does.
// Build first: pnpm turbo run build --filter @nec/api... --filter @nec/reporting.
// Stopped by the harness's cleanup (on exit, errors and Ctrl-C).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  API_MIGRATE,
  API_SEED,
  ROOT,
  apiEnv,
  freePort,
  onCleanup,
  runCli,
  startApi,
} from '../lib/harness.mjs';

export const reportingDir = join(ROOT, 'apps/reporting');

/** Starts the API and the app; resolves with the app's address once it answers. */
export async function serveReporting() {
  const tmp = await mkdtemp(join(tmpdir(), 'nec-bench-reporting-'));
  onCleanup(() => rm(tmp, { recursive: true, force: true }));
  const apiPort = await freePort();
  const env = apiEnv({
    port: apiPort,
    dataDir: join(tmp, 'pglite'),
    outboxDir: join(tmp, 'outbox'),
    extra: {},
  });
  // The demo seed refuses production (its accounts' password is public): loaded as development.
  runCli(API_MIGRATE, { ...env, NODE_ENV: 'development' }, 'La migration');
  runCli(API_SEED, { ...env, NODE_ENV: 'development' }, 'Les données de démonstration');
  await startApi(env, join(tmp, 'api.log'));
  const appPort = await freePort();
  const preview = spawn(
    join(reportingDir, 'node_modules/.bin/vite'),
    ['preview', '--port', String(appPort), '--strictPort'],
    {
      cwd: reportingDir,
      env: { ...process.env, NEC_API_URL: `http://127.0.0.1:${apiPort}` },
      stdio: 'ignore',
    },
  );
  onCleanup(() => preview.kill('SIGTERM'));
  const base = `http://127.0.0.1:${appPort}`;
  for (let i = 0; i < 150; i += 1) {
    if ((await fetch(`${base}/api/health`).catch(() => null))?.ok) return { base };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${base} ne répond pas`);
}
