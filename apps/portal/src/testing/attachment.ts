import type { AttachmentDto } from '@nec/contracts';

/** A document as the API lists it, checked and downloadable, for component tests. */
export const attachmentFixture = (more: Partial<AttachmentDto> = {}): AttachmentDto => ({
  id: crypto.randomUUID(),
  dossierId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  kind: 'budget',
  originalName: 'budget.pdf',
  sizeBytes: 2048,
  detectedType: 'application/pdf',
  sha256: 'a'.repeat(64),
  scanStatus: 'clean',
  downloadable: true,
  uploadedAt: '2026-05-04T12:32:00.000Z',
  uploadedByRole: 'applicant',
  uploadedByMe: true,
  caption: null,
  purgedAt: null,
  ...more,
});

/** One of the event's photos, as the bilan lists it. */
export const photoFixture = (more: Partial<AttachmentDto> = {}): AttachmentDto =>
  attachmentFixture({
    kind: 'bilan-photo',
    originalName: 'photo.jpg',
    sizeBytes: 1000,
    detectedType: 'image/jpeg',
    ...more,
  });
