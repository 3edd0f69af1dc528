import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import { pino, type DestinationStream, type Level, type Logger, type LoggerOptions } from 'pino';
import type { Options as HttpLoggerOptions } from 'pino-http';
import type { AppConfig } from '../config/config.js';
import { loggablePath, redactForLog, safeError, scrubText } from './log-redaction.js';
import { currentRequestContext, requestIdOf } from './request-context.js';

export type AppLogger = Logger;

/** Nest's start-up chatter (every module and route listed) hides the lines that matter. */
const NOISY_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/** The level of the logs: `NEC_LOG_LEVEL`, else errors only in tests and `info` elsewhere. */
export function logLevelOf(config: AppConfig): Level | 'silent' {
  return config.NEC_LOG_LEVEL ?? (config.NODE_ENV === 'test' ? 'error' : 'info');
}

/** `req`, `res` and `err` are left to their serializers (which keep a few safe fields). */
function redactLogObject(object: Record<string, unknown>): Record<string, unknown> {
  const { req, res, err, ...rest } = object;
  const out = redactForLog(rest) as Record<string, unknown>;
  if (req !== undefined) out.req = req;
  if (res !== undefined) out.res = res;
  if (err !== undefined) out.err = err;
  return out;
}

function contextOf(args: unknown[]): unknown {
  const first = args[0];
  return typeof first === 'object' && first !== null
    ? (first as Record<string, unknown>).context
    : undefined;
}

/**
 * The options of every logger of the API: one JSON object per line, the time in UTC ISO 8601
 * (`…Z`), the level by name, the request id when the line is written while serving a request,
 * and everything passed through the redaction of `log-redaction.ts`.
 */
export function loggerOptions(config: AppConfig): LoggerOptions {
  return {
    level: logLevelOf(config),
    base: { service: 'nec-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    formatters: {
      level: (label) => ({ level: label }),
      log: redactLogObject,
    },
    serializers: {
      err: safeError,
      req: (req: IncomingMessage) => ({ method: req.method, path: loggablePath(req.url ?? '') }),
      res: (res: ServerResponse) => ({ status: res.statusCode }),
    },
    // Lines written inside a request carry its id, whichever logger writes them (pino-http's
    // request logger has it among its bindings already).
    mixin: (object: object, _level: number, logger: Logger) => {
      const context = currentRequestContext();
      if (!context || 'requestId' in object || 'requestId' in logger.bindings()) return {};
      return { requestId: context.requestId };
    },
    hooks: {
      logMethod(args, method) {
        const context = contextOf(args);
        if (typeof context === 'string' && NOISY_CONTEXTS.has(context)) return;
        const scrubbed = args.map((arg: unknown) =>
          typeof arg === 'string' ? scrubText(arg) : arg,
        );
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
}

/** The API's root logger; `destination` defaults to standard output (tests pass a buffer). */
export function createLogger(config: AppConfig, destination?: DestinationStream): AppLogger {
  return destination ? pino(loggerOptions(config), destination) : pino(loggerOptions(config));
}

const statusLevel = (status: number, error?: Error): Level =>
  error || status >= 500 ? 'error' : 'info';

/**
 * One line per answered request (method, path with its query values masked, status, duration,
 * client address); the line of an answer ≥ 500 is an error. The request id is the one
 * `assignRequestId` gave (and sent back in `X-Request-Id`).
 */
export function httpLoggerOptions(logger: AppLogger): HttpLoggerOptions {
  return {
    logger,
    genReqId: (req) => requestIdOf(req as Request),
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (_req, res, error) => statusLevel(res.statusCode, error),
    customSuccessObject: (req, res, value: { durationMs?: number }) => ({
      event: 'http.request',
      method: req.method,
      path: loggablePath((req as Request).originalUrl ?? req.url ?? ''),
      status: res.statusCode,
      durationMs: value.durationMs,
      clientAddress: (req as Request).ip ?? null,
    }),
    customSuccessMessage: (req, res) => `${req.method} ${res.statusCode}`,
    // The error itself is logged where it is caught (ErrorFilter), with its stack.
    customErrorObject: (req, res, _error, value: { durationMs?: number }) => ({
      event: 'http.request',
      method: req.method,
      path: loggablePath((req as Request).originalUrl ?? req.url ?? ''),
      status: res.statusCode,
      durationMs: value.durationMs,
      clientAddress: (req as Request).ip ?? null,
    }),
    customErrorMessage: (req, res) => `${req.method} ${res.statusCode}`,
  };
}
