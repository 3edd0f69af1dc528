import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays } from '@nec/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock.js';
import { sealAuditChain, verifyAuditChain, type ChainReport } from './audit-chain.js';

/** Rows join their day's chain within this delay. */
const SEAL_EVERY_MS = 10_000;
const DAY_MS = 24 * 3600_000;

/**
 * Keeps the audit trail's hash chain sealed (every few seconds) and, once a day, writes the
 * previous day's seal — its row count and last hash — to the logs: a copy kept outside the
 * database, against which a day whose last rows were removed (which no chain can show by
 * itself) is checked.
 */
@Injectable()
export class AuditChainService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditChain');
  private timers: NodeJS.Timeout[] = [];
  private sealing: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Seals what was written since the last seal (one seal at a time in this process). */
  seal(): Promise<number> {
    this.sealing ??= sealAuditChain(this.dataSource).finally(() => (this.sealing = null));
    return this.sealing;
  }

  /** Seals, then verifies the chains of the days in the range. */
  async verify(range: { from?: string; to?: string } = {}): Promise<ChainReport> {
    await this.seal();
    return verifyAuditChain(this.dataSource, range);
  }

  /** Logs yesterday's seal (UTC): what an auditor compares the database with later. */
  async logDaySeal(): Promise<void> {
    const day = addDays(this.clock.now().toISOString().slice(0, 10), -1);
    const report = await this.verify({ from: day, to: day });
    const seal = report.days[0];
    this.logger.log(
      {
        event: 'audit.day-sealed',
        day,
        rows: seal?.rows ?? 0,
        head: seal?.head ?? null,
        chainOk: report.ok,
      },
      `Journal d’audit du ${day} scellé`,
    );
    if (!report.ok)
      this.logger.error(
        { event: 'audit.chain-broken', breaks: report.breaks },
        'La chaîne du journal d’audit est rompue',
      );
  }

  onApplicationBootstrap(): void {
    const sealNow = () => {
      this.seal().catch((error: unknown) =>
        this.logger.error({ err: error }, 'Scellement du journal d’audit en échec'),
      );
    };
    const anchor = () => {
      this.logDaySeal().catch((error: unknown) =>
        this.logger.error({ err: error }, 'Sceau du jour du journal d’audit en échec'),
      );
    };
    this.timers.push(setInterval(sealNow, SEAL_EVERY_MS).unref());
    this.timers.push(setInterval(anchor, DAY_MS).unref());
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    // The database closes after this hook: a seal under way finishes first.
    await this.sealing?.catch(() => undefined);
  }
}
