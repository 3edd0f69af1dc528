import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Graceful stop (SIGTERM from a container runtime or systemd, Ctrl-C): stop accepting, tell
 * clients on kept-alive connections to go (`Connection: close` on every answer), let in-flight
 * requests finish, close idle connections, close the database, exit — all within a bounded time,
 * under the 10 s a container gets before SIGKILL.
 */
export class Lifecycle {
  private readonly inFlight = new Set<Response>();
  private draining = false;
  private idleWaiters: (() => void)[] = [];

  /** Counts requests in flight; once draining, every answer closes its connection. */
  readonly middleware = (_req: Request, res: Response, next: NextFunction): void => {
    this.inFlight.add(res);
    if (this.draining) res.set('Connection', 'close');
    res.once('close', () => {
      this.inFlight.delete(res);
      if (this.inFlight.size === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
    next();
  };

  get isDraining(): boolean {
    return this.draining;
  }

  /** Resolves once no request is in flight, or after `ms` (false then). */
  waitForIdle(ms: number): Promise<boolean> {
    if (this.inFlight.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** Steps 1–3: no new connection, `Connection: close` from now on, wait for in-flight ones. */
  async drain(server: Server, timeoutMs: number): Promise<boolean> {
    this.draining = true;
    // Answers not started yet, including those of requests already in flight, end their
    // connection: a kept-alive client then opens a new one, elsewhere.
    for (const res of this.inFlight) if (!res.headersSent) res.set('Connection', 'close');
    // Node ≥ 19: close() also ends the connections that are idle right now.
    server.close();
    const finished = await this.waitForIdle(timeoutMs);
    server.closeAllConnections();
    return finished;
  }
}

export interface ShutdownOptions {
  app: INestApplication;
  server: Server;
  lifecycle: Lifecycle;
  timeoutMs: number;
  log: (line: string) => void;
}

/**
 * Installs the signal handlers; returns `stop(reason, exitCode)` for other causes (a fatal
 * database error). A second signal while stopping exits at once.
 */
export function installGracefulShutdown(options: ShutdownOptions) {
  const { app, server, lifecycle, timeoutMs, log } = options;
  let stopping = false;

  async function stop(reason: string, exitCode: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    log(`Arrêt demandé (${reason}) : fin des requêtes en cours (au plus ${timeoutMs} ms).`);
    // Whatever hangs (a database that does not answer), the process is gone in bounded time.
    setTimeout(() => {
      log('Arrêt forcé : délai dépassé.');
      process.exit(exitCode || 1);
    }, timeoutMs + 1_000).unref();
    const finished = await lifecycle.drain(server, timeoutMs);
    if (!finished) log('Délai dépassé : les requêtes encore en cours sont interrompues.');
    await app.close();
    log(`Arrêt terminé en ${Date.now() - started} ms.`);
    process.exit(exitCode);
  }

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) {
        log(`${signal} reçu pendant l’arrêt : sortie immédiate.`);
        process.exit(1);
      }
      void stop(signal, 0);
    });
  }
  return stop;
}
