import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { draftOf } from './drafts.js';
import { group, list, requiredText, unaffected, wholeNumber } from './fields.js';
import { describeIssues } from './issues.js';

const submission = group(
  {
    title: requiredText('Indiquez le titre.'),
    kind: z.enum(['a', 'b'], { error: 'Choisissez.' }),
    attendees: wholeNumber({
      missing: 'Indiquez le public.',
      invalid: 'Le public doit être entier.',
    }),
    dates: z
      .object({ start: z.iso.date(), end: z.iso.date().optional() })
      .refine((d) => d.end === undefined || d.end >= d.start, {
        error: 'Fin avant début.',
        path: ['end'],
      }),
    tags: list(requiredText('Nommez le mot-clé.'), 'Indiquez les mots-clés.', {
      count: 1,
      message: 'Au moins un.',
    }),
  },
  'Remplissez le formulaire.',
).superRefine(
  (value, ctx) => {
    if (value.attendees > 10) ctx.addIssue({ code: 'custom', message: 'Trop de monde.' });
  },
  { when: unaffected(['attendees']) },
);
const draft = draftOf(submission);

const pathsOf = (value: unknown) => {
  const result = draft.safeParse(value);
  return result.success ? [] : describeIssues(result.error).map((i) => i.path);
};

describe('draftOf', () => {
  it('accepts an empty draft, blanks and nulls at any depth', () => {
    expect(pathsOf({})).toEqual([]);
    expect(
      pathsOf({ title: '', kind: '', attendees: null, dates: { start: ' ' }, tags: [null, ''] }),
    ).toEqual([]);
  });

  it('drops list minimums and cross-field rules', () => {
    expect(
      pathsOf({ tags: [], attendees: 50, dates: { start: '2026-05-02', end: '2026-05-01' } }),
    ).toEqual([]);
  });

  it('checks present values with the submission’s own messages', () => {
    const result = draft.safeParse({
      attendees: 'beaucoup',
      kind: 'c',
      dates: { start: 'demain' },
    });
    expect(describeIssues(result.error!)).toEqual([
      { path: 'kind', code: 'invalid_value', message: 'Choisissez.' },
      { path: 'attendees', code: 'invalid_type', message: 'Le public doit être entier.' },
      { path: 'dates.start', code: 'invalid_format', message: 'Invalid ISO date' },
    ]);
  });

  it('still refuses a wrong type for a group or a list, and a non-object draft', () => {
    expect(pathsOf({ dates: 'mai', tags: 'x' })).toEqual(['dates', 'tags']);
    expect(pathsOf(null)).toEqual(['']);
    expect(pathsOf([])).toEqual(['']);
  });

  it('keeps unknown keys and returns what it was given', () => {
    const value = {
      title: 'Brouillon',
      later: { note: 'à compléter' },
      dates: { start: '2026-05-01', extra: 1 },
    };
    expect(draft.parse(value)).toEqual(value);
  });

  it('leaves the submission schema as strict as before', () => {
    expect(submission.safeParse({}).success).toBe(false);
  });
});
