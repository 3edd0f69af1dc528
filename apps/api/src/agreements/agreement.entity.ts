import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { DossierEntity } from '../dossiers/dossier.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * The grant agreement (convention) of an accepted dossier with a subsidy (feature `agreements`).
 * The PDF is generated on demand from the dossier; this row keeps what it said (amount, end of
 * validity) and when it was signed. Once signed, the amount and validity are frozen.
 */
@Entity('agreements')
export class AgreementEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @OneToOne(() => DossierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id' })
  dossier?: DossierEntity;

  @Column({ name: 'amount_cents', type: 'int' })
  amountCents!: number;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil!: string;

  /** Last time the document was generated. */
  @Column({ name: 'generated_at', type: 'timestamptz', nullable: true })
  generatedAt!: Date | null;

  /** The date written on the signed agreement. */
  @Column({ name: 'signed_on', type: 'date', nullable: true })
  signedOn!: string | null;

  /** The agent who recorded the signature, and when. */
  @Column({ name: 'signature_recorded_by', type: 'uuid', nullable: true })
  signatureRecordedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'signature_recorded_by' })
  signatureRecorder?: UserEntity;

  @Column({ name: 'signature_recorded_at', type: 'timestamptz', nullable: true })
  signatureRecordedAt!: Date | null;
}
