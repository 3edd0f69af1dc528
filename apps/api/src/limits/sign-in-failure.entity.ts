import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The recent failed sign-ins of an account or of a client address. */
@Entity('sign_in_failures')
export class SignInFailureEntity {
  /** SHA-256 of `account:<normalised e-mail>` or `address:<ip>`: not a list of who tried. */
  @PrimaryColumn({ type: 'char', length: 64, primaryKeyConstraintName: 'PK_sign_in_failures' })
  key!: string;

  /** When each failure within the window happened (or an attempt in progress began), in order. */
  @Column({ name: 'failed_at', type: 'timestamptz', array: true })
  failedAt!: Date[];

  /** Past this, the row counts nothing (the last failure left its window): purged. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** Whether the last attempt was refused (the count was full): the answer of `reserve`. */
  @Column({ type: 'boolean', default: false })
  refused!: boolean;
}
