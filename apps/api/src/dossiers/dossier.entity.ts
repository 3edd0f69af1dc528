import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { CallKind, DossierState } from '@nec/domain';
import { CampaignEntity } from '../campaigns/campaign.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * A dossier: its live (draft) content as JSON, exactly as the applicant typed it, plus a few
 * columns copied out of it for listing and filtering. Every submission freezes a version.
 */
@Entity('dossiers')
@Index(['campaignId', 'state'])
// Instruction queue (feature `instruction`, migration 1763900200000): filter and sort columns.
@Index('IDX_dossiers_event_date', ['eventDate'])
@Index('IDX_dossiers_submitted_at', ['submittedAt'])
@Index('IDX_dossiers_assigned_instructor_id', ['assignedInstructorId'])
@Index('IDX_dossiers_requested_subsidy_cents', ['requestedSubsidyCents'])
export class DossierEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Human reference quoted in e-mails and on the phone, e.g. `NEC-2026-00042`. */
  @Column({ type: 'varchar', length: 32, unique: true })
  reference!: string;

  @Column({ name: 'campaign_id', type: 'varchar', length: 64 })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: CampaignEntity;

  @Index()
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ name: 'call_kind', type: 'varchar', length: 30 })
  callKind!: CallKind;

  @Column({ type: 'varchar', length: 30 })
  state!: DossierState;

  @Column({ type: 'varchar', length: 300, nullable: true })
  title!: string | null;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  /** Optimistic lock: every save must name the version it started from. */
  @VersionColumn()
  version!: number;

  @Column({ name: 'event_date', type: 'date', nullable: true })
  eventDate!: string | null;

  @Column({ name: 'requested_subsidy_cents', type: 'int', nullable: true })
  requestedSubsidyCents!: number | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  // ── instruction (feature `instruction`) ─────────────────────────────────────

  /** The instructor (or admin) in charge of the dossier. */
  @Column({ name: 'assigned_instructor_id', type: 'uuid', nullable: true })
  assignedInstructorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assigned_instructor_id' })
  assignedInstructor?: UserEntity;

  /** The subsidy granted on acceptance, in cents (null: none decided; 0: label only). */
  @Column({ name: 'awarded_amount_cents', type: 'int', nullable: true })
  awardedAmountCents!: number | null;

  /** Régions (INSEE codes) of the area the dossier covers, fixed at submission. */
  @Column({ name: 'region_codes', type: 'text', array: true, nullable: true })
  regionCodes!: string[] | null;

  /** Verdict of the label (or of the application) at submission: eligible, ineligible, incomplete. */
  @Column({ name: 'label_verdict', type: 'varchar', length: 20, nullable: true })
  labelVerdict!: string | null;

  /** Verdict of the subsidy request at submission, or `not-requested`. */
  @Column({ name: 'subsidy_verdict', type: 'varchar', length: 20, nullable: true })
  subsidyVerdict!: string | null;
}
