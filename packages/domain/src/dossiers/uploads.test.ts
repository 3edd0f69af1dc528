import { describe, expect, it } from 'vitest';
import { dossierStates } from '../workflow/states.js';
import { acceptsFiles, uploadKindLabels, uploadKinds } from './uploads.js';

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
