import type { Server } from 'node:http';
import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { toErrorResponse } from '../common/error.filter.js';
import { ApiError } from '../common/errors.js';
import type { AppConfig } from '../config/config.js';

type TimeoutSettings = Pick<
  AppConfig,
  'NEC_REQUEST_TIMEOUT_MS' | 'NEC_HEADERS_TIMEOUT_MS' | 'NEC_KEEP_ALIVE_TIMEOUT_MS'
>;

/**
 * Node's own limits on slow clients. Its defaults suit a file server (a request may take 300 s),
 * not a JSON API behind a proxy. Node checks them only every 30 s, hence `requestDeadline`.
 */
export function applyServerTimeouts(server: Server, config: TimeoutSettings): void {
  server.requestTimeout = config.NEC_REQUEST_TIMEOUT_MS;
  server.headersTimeout = config.NEC_HEADERS_TIMEOUT_MS;
  server.keepAliveTimeout = config.NEC_KEEP_ALIVE_TIMEOUT_MS;
}

/**
 * Cuts a request whose body has not fully arrived `timeoutMs` after its headers (a body trickled
 * byte by byte holds a connection and a parser otherwise): 408 in the one error shape, then the
 * connection is closed. A slow handler is not concerned: only the client's sending is timed.
 */
export function requestDeadline(timeoutMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const timer = setTimeout(() => {
      if (req.complete) return;
      if (res.headersSent) {
        req.socket.destroy();
        return;
      }
      const { status, body } = toErrorResponse(
        new ApiError(
          HttpStatus.REQUEST_TIMEOUT,
          'request-timeout',
          'La requête a mis trop de temps à arriver. Vérifiez votre connexion et réessayez.',
        ),
      );
      // The rest of the body is not worth waiting for: the connection ends with the answer.
      res.once('finish', () => req.socket.destroy());
      res.status(status).set('Connection', 'close').json(body);
    }, timeoutMs);
    timer.unref();
    res.on('close', () => clearTimeout(timer));
    next();
  };
}
