import { describe, expect, it } from 'vitest';
import { dossierStates } from '../workflow/states.js';
import {
  acceptedUploadFormatsText,
  acceptedUploadInputAccept,
  acceptsFiles,
  checkUpload,
  defaultUploadMaxBytes,
  formatFileSize,
  uploadKindLabels,
  uploadKinds,
} from './uploads.js';

describe('acceptsFiles', () => {
  it('takes every kind while the dossier is drafted or completed on request', () => {
    for (const kind of uploadKinds) {
      expect(acceptsFiles('draft', kind)).toBe(true);
      expect(acceptsFiles('information-requested', kind)).toBe(true);
    }
  });

  it('takes bilan photos only, between the decision and the bilan', () => {
    for (const state of ['accepted', 'agreement-signed', 'event-held'] as const) {
      expect(acceptsFiles(state, 'bilan-photo')).toBe(true);
      expect(acceptsFiles(state, 'budget')).toBe(false);
    }
  });

  it('freezes the files everywhere else', () => {
    const open = new Set([
      'draft',
      'information-requested',
      'accepted',
      'agreement-signed',
      'event-held',
    ]);
    for (const state of dossierStates.filter((s) => !open.has(s))) {
      for (const kind of uploadKinds) expect(acceptsFiles(state, kind)).toBe(false);
    }
  });
});

describe('uploadKindLabels', () => {
  it('names every kind in French', () => {
    expect(Object.keys(uploadKindLabels).sort()).toEqual([...uploadKinds].sort());
  });
});

describe('checkUpload', () => {
  const pdf = { name: 'devis.pdf', size: 2048, type: 'application/pdf' };

  it('lets an accepted file within the limit through', () => {
    expect(checkUpload(pdf)).toBeNull();
    expect(checkUpload({ name: 'Photo.JPEG', size: 10, type: '' })).toBeNull();
    expect(checkUpload({ ...pdf, size: defaultUploadMaxBytes })).toBeNull();
  });

  it('refuses a file too big, stating the limit', () => {
    const refusal = checkUpload({ ...pdf, size: defaultUploadMaxBytes + 1 });
    expect(refusal?.code).toBe('file-too-large');
    expect(refusal?.message).toContain('10 Mo');
    expect(checkUpload({ ...pdf, size: 3 * 1024 * 1024 }, 2 * 1024 * 1024)?.message).toBe(
      '« devis.pdf » pèse 3 Mo : la taille maximale est de 2 Mo.',
    );
  });

  it('refuses an empty file and a refused type, listing the accepted formats', () => {
    expect(checkUpload({ ...pdf, size: 0 })?.code).toBe('empty-file');
    const refusal = checkUpload({ name: 'script.exe', size: 10, type: 'application/x-msdownload' });
    expect(refusal?.code).toBe('unsupported-file-type');
    expect(refusal?.message).toContain(acceptedUploadFormatsText);
    expect(acceptedUploadFormatsText).toBe('PDF, PNG, JPEG, WebP, ODT, ODS, DOCX, XLSX');
  });
});

describe('formatFileSize', () => {
  it('writes sizes the French way', () => {
    expect(formatFileSize(10 * 1024 * 1024)).toBe('10 Mo');
    expect(formatFileSize(2.5 * 1024 * 1024)).toBe('2,5 Mo');
    expect(formatFileSize(800 * 1024)).toBe('800 ko');
    expect(formatFileSize(12)).toBe('1 ko');
  });
});

describe('acceptedUploadInputAccept', () => {
  it('lists every extension and type', () => {
    expect(acceptedUploadInputAccept).toContain('.jpeg');
    expect(acceptedUploadInputAccept).toContain('application/pdf');
  });
});
