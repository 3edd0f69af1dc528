import { Logger } from '@nestjs/common';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.js';
import { createLogger } from './logger.js';
import { NestJsonLogger } from './nest-logger.js';

/** The lines a logger wrote, parsed. */
function capture(level = 'info') {
  const raw: string[] = [];
  const logger = createLogger(parseConfig({ NEC_LOG_LEVEL: level }), {
    write: (line: string) => raw.push(line),
  });
  const lines = () => raw.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines };
}

afterEach(() => {
  Logger.overrideLogger(false);
});

/** Through Nest's own `Logger('Context')`, as the services call it. */
function nestLogger(level?: string) {
  const { logger, lines } = capture(level);
  Logger.overrideLogger(new NestJsonLogger(logger));
  return { nest: new Logger('Essai'), lines };
}

describe('Nest logs as JSON lines', () => {
  it('writes a text with its context', () => {
    const { nest, lines } = nestLogger();
    nest.log('Purge terminée');
    expect(lines()).toEqual([
      expect.objectContaining({ level: 'info', context: 'Essai', msg: 'Purge terminée' }),
    ]);
  });

  it('keeps pino’s object-then-text form, the error reduced to safe fields', () => {
    const { nest, lines } = nestLogger();
    nest.error({ err: new Error('connexion perdue'), dossierId: 'd-1' }, 'Purge en échec');
    const [line] = lines();
    expect(line).toMatchObject({
      level: 'error',
      context: 'Essai',
      dossierId: 'd-1',
      msg: 'Purge en échec',
      err: { message: 'connexion perdue' },
    });
  });

  it('takes a stack passed by Nest as the error’s', () => {
    const { nest, lines } = nestLogger();
    nest.error('Échec au démarrage', 'Error: x\n    at main (main.js:1:1)');
    expect(lines()[0]).toMatchObject({
      level: 'error',
      msg: 'Échec au démarrage',
      err: { stack: expect.stringContaining('at main') as unknown },
    });
  });

  it('writes an Error given as the message', () => {
    const { nest, lines } = nestLogger();
    nest.warn(new Error('délai dépassé'));
    expect(lines()[0]).toMatchObject({ level: 'warn', msg: 'délai dépassé' });
  });

  it('writes nothing under its level, and drops Nest’s start-up chatter', () => {
    const { nest, lines } = nestLogger('warn');
    nest.log('pas écrit');
    nest.debug('pas écrit non plus');
    new Logger('RoutesResolver').warn('bruit');
    nest.warn('écrit');
    expect(lines().map((l) => l.msg)).toEqual(['écrit']);
  });

  it('scrubs personal data out of the text', () => {
    const { nest, lines } = nestLogger();
    nest.log('Courriel pour alice@example.org écrit');
    expect(lines()[0]?.msg).toBe('Courriel pour [email] écrit');
  });
});
