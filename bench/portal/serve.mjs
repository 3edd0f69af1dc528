// Serves the built portal (vite preview) beside the real API on a fresh embedded database with
// the demo data, on the bench's own ports; shared by the bench scripts of this folder.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const portalDir = fileURLToPath(new URL('../../apps/portal/', import.meta.url));

export async function servePortal({ apiPort, portalPort }) {
  const env = {
    ...process.env,
    NEC_E2E_API_PORT: String(apiPort),
    NEC_E2E_PORTAL_PORT: String(portalPort),
  };
  const children = [
    spawn(process.execPath, ['e2e/api-server.mjs'], { cwd: portalDir, env, stdio: 'ignore' }),
    spawn(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'preview', '--port', String(portalPort), '--strictPort'],
      {
        cwd: portalDir,
        env: { ...env, NEC_API_URL: `http://127.0.0.1:${apiPort}` },
        stdio: 'ignore',
      },
    ),
  ];
  const stop = () => children.forEach((c) => c.kill('SIGTERM'));
  process.on('exit', stop);
  const base = `http://127.0.0.1:${portalPort}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, stop };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`${base} ne répond pas`);
}
