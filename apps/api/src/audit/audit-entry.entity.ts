import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what, when, from where. Append-only, in the database itself (a trigger refuses UPDATE
 * and DELETE), and each day's rows chained by hash: see migration 1765000000000-audit-trail.
 * Actor ids are kept without a foreign key so entries outlive a deleted account (the deletion
 * itself is audited; the e-mail is not copied here).
 */
@Entity('audit_log')
@Index(['subjectType', 'subjectId'])
@Index('IDX_audit_log_chain', ['chainDay', 'chainSeq'], { unique: true })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Index()
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  actorRole!: string;

  @Column({ type: 'varchar', length: 60 })
  action!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 40 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 64, nullable: true })
  subjectId!: string | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  /** Where the request came from (as Express sees it behind the configured proxies). */
  @Column({ name: 'client_address', type: 'varchar', length: 45, nullable: true })
  clientAddress!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent!: string | null;

  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId!: string | null;

  /** The `X-Request-Id` of the request, also in every log line it wrote. */
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  /** Set once, when the row is sealed into its day's hash chain (`audit_log_seal()`). */
  @Column({ name: 'chain_day', type: 'date', nullable: true })
  chainDay!: string | null;

  @Column({ name: 'chain_seq', type: 'integer', nullable: true })
  chainSeq!: number | null;

  @Column({ type: 'char', length: 64, nullable: true })
  hash!: string | null;
}
