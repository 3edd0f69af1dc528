import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Role, UploadKind } from '@nec/domain';
import { DossierEntity } from '../dossiers/dossier.entity.js';
import { UserEntity } from '../users/user.entity.js';
import type { ScanStatus } from './scanning/attachment-scanner.js';

/**
 * A file attached to a dossier. The bytes are in the attachment storage under `storage_key`
 * (a random UUID); the row keeps what was detected from the bytes, their SHA-256 and the
 * virus scan's status.
 */
@Entity('dossier_attachments')
// Listing by dossier and the duplicate check (same bytes twice on a dossier) use this index.
@Index('IDX_dossier_attachments_dossier_sha256', ['dossierId', 'sha256'])
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'FK_dossier_attachments_dossier' })
  dossier?: DossierEntity;

  @Column({ type: 'varchar', length: 40 })
  kind!: UploadKind;

  @Column({ name: 'original_name', type: 'varchar', length: 255 })
  originalName!: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes!: number;

  /** The MIME type detected from the bytes (never the one the client declared). */
  @Column({ name: 'detected_type', type: 'varchar', length: 120 })
  detectedType!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'uuid', unique: true })
  storageKey!: string;

  @Column({ name: 'scan_status', type: 'varchar', length: 20 })
  scanStatus!: ScanStatus;

  @Column({ name: 'scanned_at', type: 'timestamptz', nullable: true })
  scannedAt!: Date | null;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'uploaded_by',
    foreignKeyConstraintName: 'FK_dossier_attachments_uploaded_by',
  })
  uploader?: UserEntity;

  @Column({ name: 'uploaded_by_role', type: 'varchar', length: 20 })
  uploadedByRole!: Role;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;

  /** A photo's caption: its text alternative (photos of the bilan only). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  caption!: string | null;

  /** When the applicant confirmed the people shown agreed to the photo's publication. */
  @Column({ name: 'image_consent_at', type: 'timestamptz', nullable: true })
  imageConsentAt!: Date | null;

  /** When the file was deleted at the end of its retention (the row stays, as a record). */
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true })
  purgedAt!: Date | null;
}
