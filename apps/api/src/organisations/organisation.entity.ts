import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import type { OrganisationCategory } from '@nec/domain';

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'char', length: 14, unique: true })
  siret!: string;

  @Column({ type: 'char', length: 9 })
  siren!: string;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'varchar', length: 40 })
  category!: OrganisationCategory;

  @Column({ name: 'commune_code', type: 'varchar', length: 5, nullable: true })
  communeCode!: string | null;

  /**
   * When an agent checked that the accounts managing it really represent it; until then it is
   * shown as unverified (registering a SIRET proves nothing).
   */
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'verified_by', foreignKeyConstraintName: 'FK_organisations_verified_by' })
  verifier?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
