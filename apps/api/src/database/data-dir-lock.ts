import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';

/**
 * One process per embedded database folder. PGlite has no lock of its own: two processes on one
 * folder both write to it and one's acknowledged saves vanish. A lock file beside the folder
 * (`<folder>.lock`, created with O_EXCL so only one process can win) holds the owner's pid and
 * host; a lock whose pid no longer runs on this host is stale and taken over.
 */
export class DatabaseInUseError extends Error {
  override readonly name = 'DatabaseInUseError';
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

export const lockPathOf = (dataDir: string): string => `${resolve(dataDir)}.lock`;

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return null;
    return { pid: owner.pid, host: owner.host, since: String(owner.since ?? '') };
  } catch {
    return null;
  }
}

/** Signal 0 checks a pid exists without touching it; EPERM means it exists under another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(path: string, owner: LockOwner): boolean {
  try {
    const fd = openSync(path, 'wx', 0o644);
    try {
      writeSync(fd, JSON.stringify(owner));
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function inUse(dataDir: string, owner: LockOwner): DatabaseInUseError {
  const where = owner.host === hostname() ? '' : ` sur la machine ${owner.host}`;
  return new DatabaseInUseError(
    `La base de données embarquée ${resolve(dataDir)} est déjà utilisée par le processus ${owner.pid}${where} (depuis ${owner.since}). ` +
      'Arrêtez ce processus, ou donnez à celui-ci un autre dossier (NEC_DATA_DIR). ' +
      `Si aucun processus ne l’utilise plus, supprimez le fichier ${lockPathOf(dataDir)}.`,
  );
}

/**
 * Takes the folder's lock or throws `DatabaseInUseError` with the owner's pid. The lock is
 * released by `release()` and, whatever happens, when the process exits.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const path = lockPathOf(dataDir);
  await mkdir(dirname(path), { recursive: true });
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  // Two rounds: a stale lock is removed once, then the creation is retried (a racing process
  // may win that retry, which is what O_EXCL is for).
  for (let round = 0; round < 2; round += 1) {
    if (tryCreate(path, me)) return holding(path, me);
    const owner = readOwner(path);
    const stale =
      owner === null || (owner.host === me.host && owner.pid !== me.pid && !isRunning(owner.pid));
    if (!stale) throw inUse(dataDir, owner);
    rmSync(path, { force: true });
  }
  const owner = readOwner(path);
  throw inUse(dataDir, owner ?? { pid: 0, host: me.host, since: '?' });
}

function holding(path: string, me: LockOwner): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own lock is removed (never one another process took over).
    if (readOwner(path)?.pid === me.pid) rmSync(path, { force: true });
  };
  process.on('exit', release);
  return { path, release };
}
