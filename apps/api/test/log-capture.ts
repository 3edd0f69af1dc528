import type { DestinationStream } from 'pino';

/** One JSON log line, parsed. */
export type LogLine = Record<string, unknown> & { level: string; time: string; msg?: string };

/** Collects the JSON lines a test app writes (`startTestApp(env, options, { logs })`). */
export class LogCapture implements DestinationStream {
  readonly raw: string[] = [];

  write(line: string): void {
    this.raw.push(line);
  }

  /** Everything written so far, as one text (to look for what must never be there). */
  text(): string {
    return this.raw.join('');
  }

  lines(): LogLine[] {
    return this.raw.flatMap((chunk) =>
      chunk
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LogLine),
    );
  }

  /** The security events written so far, optionally of one name. */
  events(name?: string): LogLine[] {
    return this.lines().filter((l) => l.type === 'security' && (!name || l.event === name));
  }

  clear(): void {
    this.raw.length = 0;
  }
}
