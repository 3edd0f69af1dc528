/*
 * A `pg`-compatible driver over PGlite, handed to TypeORM's postgres dialect.
 *
 * Why our own and not `typeorm-pglite`: PGlite is a single connection, and that package lets
 * every TypeORM query runner use it at once, so two concurrent requests interleave inside each
 * other's transactions (a rollback could undo someone else's write). Here each query runner
 * holds the connection exclusively from `connect` to `release`: transactions stay isolated.
 * It also reports `rowCount`/`command` like `pg`, which TypeORM needs for affected-row counts
 * (optimistic locking relies on them).
 */
import { EventEmitter } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { PGlite, types, type Results } from '@electric-sql/pglite';
import { DatabaseUnavailableError } from '../common/unavailable.js';
import { ConnectionLock } from './connection-lock.js';

interface PgResult {
  rows: unknown[];
  rowCount: number;
  command: string;
  fields: Results['fields'];
}

function commandOf(sql: string): string {
  const match = /^\s*(?:WITH\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql);
  return (match?.[1] ?? '').toUpperCase();
}

function toPgResult(sql: string, result: Results | undefined): PgResult {
  const rows = result?.rows ?? [];
  return {
    rows,
    rowCount: result?.affectedRows ?? rows.length,
    command: commandOf(sql),
    fields: result?.fields ?? [],
  };
}

const booleanSerializer = (value: unknown): string =>
  value === true || value === 'true' || value === 1 ? 'TRUE' : 'FALSE';

/**
 * Opens PGlite in a folder (or `memory://`) with PostgreSQL-like parameter handling. An in-memory
 * database can start from `copyOf`, a copy taken with `dumpDataDir` (see `Database.copy`):
 * unpacking it takes a fraction of the ~2 s that creating an empty database cluster takes.
 */
export async function openPglite(dataDir: string, copyOf?: Blob): Promise<PGlite> {
  const inMemory = dataDir === 'memory://';
  // PGlite creates its own folder but not the parents (e.g. `.data/` on a fresh clone).
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  return PGlite.create({
    dataDir: inMemory ? undefined : dataDir,
    ...(inMemory && copyOf ? { loadDataDir: copyOf } : {}),
    serializers: { [types.BOOL]: booleanSerializer },
  });
}

/**
 * PostgreSQL's PANIC (a failed WAL write, e.g. disk full) or FATAL ends the embedded server; so
 * does a WebAssembly abort (what a PANIC inside a transaction becomes).
 */
function isFatal(error: unknown): boolean {
  if (error instanceof Error && error.name === 'RuntimeError') return true;
  const severity = (error as { severity?: unknown } | null)?.severity;
  return severity === 'PANIC' || severity === 'FATAL';
}

export interface PgliteDriverOptions {
  /** How long a query runner waits for the single connection (ms). */
  lockTimeoutMs?: number;
  /** Called once when the embedded server hits a fatal error; it is never queried again. */
  onFatal?: (error: Error) => void;
}

/**
 * Why "never queried again": after a PANIC (seen when a WAL write fails on a full disk), the
 * next call into PGlite spins forever inside WebAssembly, on the main thread: the whole process
 * hangs at 100 % CPU, deaf even to SIGTERM. So the driver stops at the first fatal error and
 * refuses every later query (503), and the process exits so a supervisor restarts it; PGlite's
 * recovery replays the WAL on the next start (no acknowledged write is lost).
 */
export function pgliteDriver(db: PGlite, options: PgliteDriverOptions = {}) {
  const { lockTimeoutMs = 15_000, onFatal } = options;
  const lock = new ConnectionLock();
  let fatal: Error | null = null;

  async function runUnchecked(sql: string, params?: unknown[]): Promise<PgResult> {
    if (params && params.length > 0) return toPgResult(sql, await db.query(sql, params));
    const results = await db.exec(sql);
    return toPgResult(sql, results[results.length - 1]);
  }

  async function run(sql: string, params?: unknown[]): Promise<PgResult> {
    if (fatal) throw new DatabaseUnavailableError(`embedded database stopped: ${fatal.message}`);
    try {
      return await runUnchecked(sql, params);
    } catch (error) {
      if (isFatal(error) && !fatal) {
        fatal = error as Error;
        onFatal?.(fatal);
      }
      throw error;
    }
  }

  type Callback = (err: Error | null, result?: PgResult) => void;

  /** `pg.Client#query`: TypeORM calls it with params, or with a callback and no params. */
  class Client extends EventEmitter {
    query(sql: string, params?: unknown[] | Callback, callback?: Callback): Promise<PgResult> {
      const cb = typeof params === 'function' ? params : callback;
      const promise = run(sql, Array.isArray(params) ? params : undefined);
      if (cb)
        promise.then(
          (r) => cb(null, r),
          (e: Error) => cb(e),
        );
      return promise;
    }
  }

  class Pool extends EventEmitter {
    connect(callback: (err: Error | null, client?: Client, release?: () => void) => void): void {
      lock.acquire(lockTimeoutMs).then(
        () => {
          let released = false;
          callback(null, new Client(), () => {
            if (released) return;
            released = true;
            lock.release();
          });
        },
        (error: Error) => callback(error),
      );
    }

    async query(sql: string, params?: unknown[]): Promise<PgResult> {
      await lock.acquire(lockTimeoutMs);
      try {
        return await run(sql, params);
      } finally {
        lock.release();
      }
    }

    /** The PGlite instance belongs to whoever opened it; it is closed there, not by TypeORM. */
    end(callback?: (err: Error | null) => void): void {
      callback?.(null);
    }
  }

  return { Pool };
}
