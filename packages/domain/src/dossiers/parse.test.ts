import { describe, expect, it } from 'vitest';
import { callKinds } from '../calls/call-kinds.js';
import { isJsonObject, parseDraft, parseSubmission } from './parse.js';
import { dossierSchemas } from './schemas.js';
import { exampleNecLocalDossier } from './examples.js';

describe('dossierSchemas', () => {
  it('has a draft and a submission schema for every call kind', () => {
    expect(Object.keys(dossierSchemas).sort()).toEqual([...callKinds].sort());
  });
});

describe('parseDraft', () => {
  it.each(callKinds)('accepts an empty %s draft without issues', (callKind) => {
    expect(parseDraft(callKind, {})).toEqual({ ok: true, value: { draft: {}, issues: [] } });
  });

  it('stores a wrong-typed field as it is and reports it', () => {
    const input = {
      title: 'Mon NEC',
      audiences: { expectedAttendees: 'beaucoup', targets: ['Élus'] },
    };
    const result = parseDraft('nec-local', input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.draft).toBe(input);
    expect(result.value.draft).toEqual({
      title: 'Mon NEC',
      audiences: { expectedAttendees: 'beaucoup', targets: ['Élus'] },
    });
    expect(result.value.issues).toEqual([
      {
        path: 'audiences.expectedAttendees',
        code: 'invalid_type',
        message: 'Le nombre de personnes attendues doit être un nombre entier, positif ou nul.',
      },
    ]);
  });

  it.each([null, 'texte', 42, [], [{}], new Date(0)])(
    'refuses a draft that is not a JSON object: %s',
    (input) => {
      const result = parseDraft('nec-local', input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.map((i) => i.code)).toEqual(['draft-not-an-object']);
    },
  );
});

describe('parseSubmission', () => {
  it('returns the typed dossier when complete', () => {
    const result = parseSubmission('nec-local', exampleNecLocalDossier());
    expect(result.ok && result.value.title).toBe(exampleNecLocalDossier().title);
  });

  it('returns every issue at once otherwise', () => {
    const result = parseSubmission('ami-mediation', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(5);
  });
});

describe('isJsonObject', () => {
  it('accepts nested plain JSON', () => {
    expect(isJsonObject({ a: [1, 'b', null, { c: true }] })).toBe(true);
  });

  it('refuses what JSON cannot hold', () => {
    expect(isJsonObject({ a: undefined })).toBe(false);
    expect(isJsonObject({ a: Number.NaN })).toBe(false);
    expect(isJsonObject({ a: () => 1 })).toBe(false);
    expect(isJsonObject({ a: new Map() })).toBe(false);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(isJsonObject(cycle)).toBe(false);
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(isJsonObject({ a: shared, b: shared })).toBe(true);
  });
});
