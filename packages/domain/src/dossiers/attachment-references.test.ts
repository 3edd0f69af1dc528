import { describe, expect, it } from 'vitest';
import { checkAttachmentReferences, type UploadedFile } from './attachment-references.js';

const uploaded: UploadedFile[] = [
  { id: 'f-letter', kind: 'support-letter', rejected: false },
  { id: 'f-venue', kind: 'venue-document', rejected: false },
  { id: 'f-virus', kind: 'other', rejected: true },
];

describe('checkAttachmentReferences', () => {
  it('accepts references to this dossier’s files, of their kind', () => {
    expect(
      checkAttachmentReferences(
        [
          { id: 'f-letter', kind: 'support-letter' },
          { id: 'f-venue', kind: 'venue-document' },
        ],
        uploaded,
      ),
    ).toEqual([]);
  });

  it('accepts an empty list', () => {
    expect(checkAttachmentReferences([], [])).toEqual([]);
  });

  it('reports every bad reference at once, on its own path', () => {
    const issues = checkAttachmentReferences(
      [
        { id: 'f-letter', kind: 'support-letter' },
        { id: 'somebody-elses-file', kind: 'other' },
        { id: 'f-venue', kind: 'council-decision' },
        { id: 'f-virus', kind: 'other' },
      ],
      uploaded,
    );
    expect(issues.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'attachments.1.id', code: 'unknown-attachment' },
      { path: 'attachments.2.id', code: 'attachment-kind-mismatch' },
      { path: 'attachments.3.id', code: 'attachment-rejected' },
    ]);
    expect(issues[1]?.message).toContain('Délibération');
  });
});
