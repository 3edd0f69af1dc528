import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { UserEntity } from '../users/user.entity.js';

export type JoinRequestStatus = 'pending' | 'accepted' | 'declined' | 'cancelled';

/**
 * An applicant's request to join an organisation someone else registered; its owners accept or
 * decline it. One pending request per person and organisation.
 */
@Entity('organisation_join_requests')
@Index('IDX_organisation_join_requests_pending', ['organisationId', 'requesterId'], {
  unique: true,
  where: `"status" = 'pending'`,
})
export class JoinRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Index()
  @Column({ name: 'requester_id', type: 'uuid' })
  requesterId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requester_id' })
  requester?: UserEntity;

  /** The requester's word to the owners (who they are, why they ask). */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  message!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: JoinRequestStatus;

  /** The owner who accepted or declined (null while pending, once cancelled, or once gone). */
  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by' })
  decider?: UserEntity | null;

  /** When it stopped being pending (accepted, declined or cancelled); the purge counts from it. */
  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
