import { pino, type DestinationStream, type Level, type Logger, type LoggerOptions } from 'pino';
import type { AppConfig } from '../config/config.js';
import { redactForLog, safeError, scrubText } from './log-redaction.js';
import { currentRequestContext } from './request-context.js';

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

/** `err` is left to its serializer (which keeps a few safe fields). */
function redactLogObject(object: Record<string, unknown>): Record<string, unknown> {
  const { err, ...rest } = object;
  const out = redactForLog(rest) as Record<string, unknown>;
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
    serializers: { err: safeError },
    // Lines written inside a request carry its id, whichever logger writes them.
    mixin: (object: object) => {
      const context = currentRequestContext();
      if (!context || 'requestId' in object) return {};
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
