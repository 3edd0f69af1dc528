import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A throttler's counter: hits in the current fixed window, and the block past the limit. */
@Entity('rate_limits')
export class RateLimitEntity {
  /** `@nestjs/throttler`'s key: a SHA-256 of the route and the client's address. */
  @PrimaryColumn({ type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_rate_limits' })
  key!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'PK_rate_limits' })
  throttler!: string;

  @Column({ type: 'integer' })
  hits!: number;

  @Column({ name: 'window_ends_at', type: 'timestamptz' })
  windowEndsAt!: Date;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;
}
