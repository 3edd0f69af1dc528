import type { AttachmentDto } from '@nec/contracts';
import type { AttachmentEntity } from './attachment.entity.js';
import { isServable } from './scanning/attachment-scanner.js';

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
    downloadable: row.purgedAt === null && isServable(row.scanStatus),
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedByRole: row.uploadedByRole,
    uploadedByMe: row.uploadedBy !== null && row.uploadedBy === viewerId,
    caption: row.caption,
    purgedAt: row.purgedAt?.toISOString() ?? null,
  };
}
