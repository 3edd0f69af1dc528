import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The BUILT API (`dist/main.js`) as a child process, for what only a real process shows: the
 * folder lock between two processes, signals, `kill -9`, resource limits. The test command
 * builds the API before testing it (turbo.json); a stale build is refused rather than tested.
 */
const API_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = join(API_DIR, 'dist/main.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function assertBuilt(): void {
  let built = 0;
  try {
    built = statSync(MAIN).mtimeMs;
  } catch {
    // missing: reported below
  }
  if (built < newestMtime(join(API_DIR, 'src')))
    throw new Error(
      'apps/api/dist is missing or older than src: run `pnpm --filter @nec/api build`.',
    );
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolvePort(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpawnedApi {
  child: ChildProcess;
  pid: number;
  port: number;
  base: string;
  output: () => string;
  exited: Promise<Exit>;
  isRunning: () => boolean;
}

export interface SpawnOptions {
  port: number;
  env: Record<string, string>;
  /** RLIMIT_FSIZE in KiB (`ulimit -f`): writes past that offset fail (EFBIG), like a full disk. */
  fileSizeLimitKb?: number;
}

export function spawnApi(options: SpawnOptions): SpawnedApi {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    NEC_COOKIE_SECURE: 'false',
    NEC_AUTH_RATE_LIMIT: '100000',
    NEC_MFA_REQUIRED_FOR_AGENTS: 'false',
    NEC_WRITE_RATE_LIMIT: '100000',
    ...options.env,
  };
  const child =
    options.fileSizeLimitKb === undefined
      ? spawn(process.execPath, [MAIN], { cwd: API_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(
          'bash',
          ['-c', `ulimit -f ${options.fileSizeLimitKb} && exec "$0" "$@"`, process.execPath, MAIN],
          { cwd: API_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] },
        );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  let running = true;
  const exited = new Promise<Exit>((resolveExit) =>
    child.once('exit', (code, signal) => {
      running = false;
      resolveExit({ code, signal });
    }),
  );
  return {
    child,
    pid: child.pid ?? 0,
    port: options.port,
    base: `http://127.0.0.1:${options.port}`,
    output: () => output,
    exited,
    isRunning: () => running,
  };
}

/** Waits for the "ready" line; fails with the process's output if it exits or takes too long. */
export async function untilReady(api: SpawnedApi, timeoutMs = 150_000): Promise<SpawnedApi> {
  const deadline = Date.now() + timeoutMs;
  while (!api.output().includes('API NEC prête')) {
    if (!api.isRunning()) throw new Error(`the API exited at start-up:\n${api.output()}`);
    if (Date.now() > deadline) throw new Error(`the API is not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return api;
}

/** Stops a process the test left running (SIGKILL after 5 s). */
export async function stopApi(api: SpawnedApi | undefined): Promise<void> {
  if (!api?.isRunning()) return;
  api.child.kill('SIGTERM');
  const timer = setTimeout(() => api.child.kill('SIGKILL'), 5_000);
  await api.exited;
  clearTimeout(timer);
}

/** Waits for the process to exit; fails if it is still running after `ms`. */
export async function exitWithin(api: SpawnedApi, ms: number): Promise<Exit & { ms: number }> {
  const started = Date.now();
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref());
  const result = await Promise.race([api.exited, timeout]);
  if (result === 'timeout')
    throw new Error(`the API is still running ${ms} ms later:\n${api.output()}`);
  return { ...result, ms: Date.now() - started };
}

/** A JSON call with the session's cookie and CSRF token. */
export interface Session {
  cookie: string;
  csrfToken: string;
}

function parseOrText(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

export async function call(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; session?: Session } = {},
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.session) {
    headers.cookie = options.session.cookie;
    headers['x-csrf-token'] = options.session.csrfToken;
  }
  const res = await fetch(base + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, json: parseOrText(text), headers: res.headers };
}

export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('nec_session='));
  if (res.status !== 200 || !cookie || !body.csrfToken)
    throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(body)}`);
  return { cookie, csrfToken: body.csrfToken };
}
