import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Role } from '@nec/domain';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** Lower-cased e-mail, unique: sign-in is case-insensitive. */
  @Column({ name: 'email_normalized', type: 'varchar', length: 254, unique: true })
  emailNormalized!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'email_confirmed_at', type: 'timestamptz', nullable: true })
  emailConfirmedAt!: Date | null;

  /** Set when an administrator deactivates an agent: no sign-in, no session. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  /** TOTP secret (base32), set at enrolment; the second factor is on once `mfaEnabledAt` is. */
  @Column({ name: 'mfa_secret', type: 'varchar', length: 64, nullable: true })
  mfaSecret!: string | null;

  @Column({ name: 'mfa_enabled_at', type: 'timestamptz', nullable: true })
  mfaEnabledAt!: Date | null;

  /** Time step of the last code accepted: a code is never accepted twice (replay). */
  @Column({ name: 'mfa_last_step', type: 'integer', nullable: true })
  mfaLastStep!: number | null;

  /** SHA-256 of the unused recovery codes (each works once). */
  @Column({ name: 'mfa_recovery_hashes', type: 'text', array: true, default: () => "'{}'" })
  mfaRecoveryHashes!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
