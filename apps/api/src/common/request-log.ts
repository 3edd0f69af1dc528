import type { NextFunction, Request, Response } from 'express';
import type { Level } from 'pino';
import { loggablePath } from './log-redaction.js';
import type { AppLogger } from './logger.js';
import { requestIdOf } from './request-context.js';

const levelOf = (status: number, aborted: boolean): Level =>
  status >= 500 ? 'error' : aborted ? 'warn' : 'info';

/**
 * One `http.request` line per request once its answer is sent (or the client has gone):
 * method, path with its query values masked, status, duration, client address, request id. The
 * line of an answer ≥ 500 is an error (the error itself is logged, with its stack, where it is
 * caught: `ErrorFilter`); an answer cut before its end is a warning. Nothing is built when the
 * level is off (the benches run at `warn`): a request costs one timestamp and one listener.
 */
export function logRequests(logger: AppLogger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    res.once('close', () => {
      const aborted = !res.writableFinished;
      const level = levelOf(res.statusCode, aborted);
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          event: 'http.request',
          requestId: requestIdOf(req),
          method: req.method,
          path: loggablePath(req.originalUrl || req.url),
          status: res.statusCode,
          durationMs: Math.round(performance.now() - started),
          clientAddress: req.ip ?? null,
          ...(aborted ? { aborted: true } : {}),
        },
        `${req.method} ${res.statusCode}`,
      );
    });
    next();
  };
}
