import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues, dotPath, fieldIssueSchema } from './issues.js';

const schema = z
  .object({
    title: z.string({ error: 'Indiquez le titre.' }),
    organisers: z.array(z.object({ name: z.string({ error: 'Indiquez le nom.' }) })),
    dates: z.object({ start: z.number({ error: 'Indiquez le début.' }) }),
  })
  .superRefine((_, ctx) => {
    ctx.addIssue({
      code: 'custom',
      message: 'Règle sur tout le formulaire.',
      params: { code: 'whole-form' },
    });
  });

describe('describeIssues', () => {
  it('lists every issue at once, with dot paths and numeric indices', () => {
    const result = schema.safeParse({ organisers: [{ name: 'A' }, {}], dates: {} });
    expect(describeIssues(result.error!)).toEqual([
      { path: 'title', code: 'invalid_type', message: 'Indiquez le titre.' },
      { path: 'organisers.1.name', code: 'invalid_type', message: 'Indiquez le nom.' },
      { path: 'dates.start', code: 'invalid_type', message: 'Indiquez le début.' },
    ]);
  });

  it('reports root issues with an empty path and the code a rule declares', () => {
    const result = schema.safeParse({ title: 'T', organisers: [], dates: { start: 1 } });
    expect(describeIssues(result.error!)).toEqual([
      { path: '', code: 'whole-form', message: 'Règle sur tout le formulaire.' },
    ]);
  });

  it('keeps zod’s code for a custom issue without a declared code', () => {
    const result = z
      .string()
      .refine(() => false, { error: 'Non.' })
      .safeParse('x');
    expect(describeIssues(result.error!)).toEqual([{ path: '', code: 'custom', message: 'Non.' }]);
  });

  it('produces values that fit fieldIssueSchema', () => {
    const result = schema.safeParse(42);
    for (const issue of describeIssues(result.error!)) {
      expect(fieldIssueSchema.safeParse(issue).success).toBe(true);
    }
  });
});

describe('dotPath', () => {
  it('joins keys and indices, the root being empty', () => {
    expect(dotPath([])).toBe('');
    expect(dotPath(['organisers', 0, 'name'])).toBe('organisers.0.name');
    expect(dotPath([Symbol('s'), 'x'])).toBe('s.x');
  });
});

describe('fieldIssueSchema', () => {
  it('rejects an issue without a message', () => {
    expect(fieldIssueSchema.safeParse({ path: '', code: 'x', message: '' }).success).toBe(false);
  });
});
