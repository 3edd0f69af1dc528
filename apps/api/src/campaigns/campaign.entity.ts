import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CallKind } from '@nec/domain';

/** A call for a year. Its numbers live in `params` (validated by the domain's campaign schema). */
@Entity('campaigns')
export class CampaignEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'call_kind', type: 'varchar', length: 30 })
  callKind!: CallKind;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ name: 'opens_on', type: 'date' })
  opensOn!: string;

  @Column({ name: 'closes_on', type: 'date', nullable: true })
  closesOn!: string | null;

  @Column({ type: 'jsonb' })
  params!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
