import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Score } from '@nec/domain';
import { DossierEntity } from '../dossiers/dossier.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * One instructor's selection grid for one dossier (feature `scoring`): the marks as the domain's
 * `scoreSchema` items, saved as the instructor goes (possibly unfinished).
 */
@Entity('score_sheets')
@Unique('UQ_score_sheets_dossier_instructor', ['dossierId', 'instructorId'])
export class ScoreSheetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id' })
  dossier?: DossierEntity;

  /** Agents are never deleted while they have sheets: the ranking depends on them. */
  @Column({ name: 'instructor_id', type: 'uuid' })
  instructorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'instructor_id' })
  instructor?: UserEntity;

  @Column({ type: 'jsonb' })
  scores!: Score[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
