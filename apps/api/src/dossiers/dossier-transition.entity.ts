import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DossierState, Role } from '@nec/domain';
import { DossierEntity } from './dossier.entity.js';

/** One step of a dossier's history, written in the same transaction as the state change. */
@Entity('dossier_transitions')
export class DossierTransitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id' })
  dossier?: DossierEntity;

  @Column({ type: 'varchar', length: 40 })
  event!: string;

  @Column({ name: 'from_state', type: 'varchar', length: 30, nullable: true })
  fromState!: DossierState | null;

  @Column({ name: 'to_state', type: 'varchar', length: 30 })
  toState!: DossierState;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  actorRole!: Role | 'system';

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
