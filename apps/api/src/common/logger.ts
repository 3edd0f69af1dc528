import { ConsoleLogger } from '@nestjs/common';

/** Nest's start-up chatter (every module and route listed) hides the lines that matter. */
const NOISY_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

export class QuietLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && NOISY_CONTEXTS.has(context)) return;
    super.log(message, ...rest);
  }
}
