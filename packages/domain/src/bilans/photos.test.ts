import { describe, expect, it } from 'vitest';
import { bilanPhotoLimits, bilanPhotoTypes, checkBilanPhoto, uploadFieldIssues } from './photos.js';

const photo = (more: Partial<{ name: string; size: number; type: string }> = {}) => ({
  name: 'pleniere.jpg',
  size: 2 * 1024 * 1024,
  type: 'image/jpeg',
  ...more,
});

describe('bilan photos', () => {
  it('takes JPEG, PNG and WebP only, up to 10 photos of 5 Mo', () => {
    expect(bilanPhotoTypes.map((t) => t.label)).toEqual(['PNG', 'JPEG', 'WebP']);
    expect(bilanPhotoLimits).toMatchObject({ maxCount: 10, maxBytes: 5 * 1024 * 1024 });
  });

  it('refuses a photo before it is sent, the limit stated', () => {
    expect(checkBilanPhoto(photo(), 0)).toBeNull();
    expect(checkBilanPhoto(photo({ name: 'x.webp', type: '' }), 9)).toBeNull();
    expect(checkBilanPhoto(photo({ size: 6 * 1024 * 1024 }), 0)?.message).toBe(
      '« pleniere.jpg » pèse 6 Mo : une photo ne dépasse pas 5 Mo.',
    );
    expect(checkBilanPhoto(photo({ name: 'a.pdf', type: 'application/pdf' }), 0)?.code).toBe(
      'unsupported-file-type',
    );
    expect(checkBilanPhoto(photo({ size: 0 }), 0)?.code).toBe('empty-file');
    expect(checkBilanPhoto(photo(), 10)?.code).toBe('too-many-files');
  });

  it('asks a photo for its caption and the consent of the people shown, at their paths', () => {
    expect(uploadFieldIssues({ kind: 'bilan-photo', caption: 'Atelier', consent: true })).toEqual(
      [],
    );
    expect(
      uploadFieldIssues({ kind: 'bilan-photo', caption: '  ' }).map((i) => [i.path, i.code]),
    ).toEqual([
      ['caption', 'invalid-caption'],
      ['consent', 'image-consent-required'],
    ]);
    expect(
      uploadFieldIssues({ kind: 'bilan-photo', caption: 'x'.repeat(201), consent: true })[0]
        ?.message,
    ).toMatch(/200 caractères au maximum/);
  });

  it('leaves other documents without caption or consent', () => {
    expect(uploadFieldIssues({ kind: 'budget' })).toEqual([]);
    expect(uploadFieldIssues({ kind: 'budget', caption: 'x' }).map((i) => i.code)).toEqual([
      'unexpected',
    ]);
  });
});
