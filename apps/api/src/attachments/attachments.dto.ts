import type { Role, UploadKind } from '@nec/domain';
import type { AttachmentEntity } from './attachment.entity.js';
import { isServable, type ScanStatus } from './scanning/attachment-scanner.js';

export interface AttachmentDto {
  id: string;
  dossierId: string;
  kind: UploadKind;
  originalName: string;
  sizeBytes: number;
  /** MIME type detected from the bytes. */
  detectedType: string;
  sha256: string;
  /** `pending` until scanned; only `clean` files can be downloaded. */
  scanStatus: ScanStatus;
  downloadable: boolean;
  uploadedAt: string;
  uploadedByRole: Role;
  uploadedByMe: boolean;
}

export function toAttachmentDto(row: AttachmentEntity, viewerId: string): AttachmentDto {
  return {
    id: row.id,
    dossierId: row.dossierId,
    kind: row.kind,
    originalName: row.originalName,
    sizeBytes: row.sizeBytes,
    detectedType: row.detectedType,
    sha256: row.sha256,
    scanStatus: row.scanStatus,
    downloadable: isServable(row.scanStatus),
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedByRole: row.uploadedByRole,
    uploadedByMe: row.uploadedBy !== null && row.uploadedBy === viewerId,
  };
}
