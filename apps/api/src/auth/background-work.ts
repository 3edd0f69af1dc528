import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

/**
 * Work done after the answer is sent, so that its duration cannot tell anything (account
 * enumeration by timing: whether an address has an account changes what sign-up and password
 * reset do, never how long the request takes). Failures are logged; shutdown waits for the
 * work under way so no mail is dropped.
 */
@Injectable()
export class BackgroundWork implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Background');
  private readonly pending = new Set<Promise<void>>();

  run(label: string, work: () => Promise<void>): void {
    const task: Promise<void> = work()
      .catch((error: unknown) => {
        this.logger.error(`${label} : ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  /** Resolves once nothing is under way (tests read the outbox after it). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.idle();
  }
}
