import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/**
 * The published figures of one national edition: `content` is the domain's
 * `NationalEditionBilan`; `city`, `online` and `present` are copied out for listing.
 */
@Entity('national_editions')
export class NationalEditionEntity {
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'PK_national_editions' })
  year!: number;

  @Column({ type: 'varchar', length: 200 })
  city!: string;

  @Column({ type: 'boolean' })
  online!: boolean;

  /** People present, NULL when not published. */
  @Column({ type: 'int', nullable: true })
  present!: number | null;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'FK_national_editions_updated_by' })
  updater?: UserEntity;
}
