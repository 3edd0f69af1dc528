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
}
