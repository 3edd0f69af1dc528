import type { LoggerService } from '@nestjs/common';
import type { Level } from 'pino';
import type { AppLogger } from './logger.js';

/** A stack trace as Nest passes it to `error(message, stack, context)`. */
const STACK = /\n\s*at /;

/**
 * Nest's `LoggerService` on our pino logger. Nest's `Logger('Context')` calls
 * `log(message, ...params, context)`: the context is always last. `message` may be a text, an
 * object (pino style: `logger.error({ err }, 'text')`, the text then comes first among the
 * params) or an Error. Replaces `nestjs-pino`, whose request logger (`pino-http`) built a child
 * logger and its serialisers on every request even when the line was not written; the request
 * id comes from our request context (the logger's `mixin`) instead.
 */
export class NestJsonLogger implements LoggerService {
  constructor(private readonly logger: AppLogger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const { context, rest } = splitContext(params);
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      const text = rest.find((p): p is string => typeof p === 'string');
      this.logger[level]({ ...(message as Record<string, unknown>), ...fields }, text);
    } else if (level === 'error' && typeof rest[0] === 'string' && STACK.test(rest[0])) {
      // Nest's own `error(message, stack)`: keep the stack as the error's.
      const err = Object.assign(new Error(String(message)), { stack: rest[0] });
      this.logger.error({ ...fields, err }, String(message));
    } else {
      this.logger[level](fields, String(message));
    }
  }
}

function splitContext(params: unknown[]): { context?: string; rest: unknown[] } {
  if (params.length === 0) return { rest: [] };
  const last = params[params.length - 1];
  const rest = params.slice(0, -1);
  return typeof last === 'string' ? { context: last, rest } : { rest };
}
