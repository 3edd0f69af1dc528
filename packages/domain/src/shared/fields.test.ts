import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues } from './issues.js';
import {
  choice,
  dateField,
  group,
  list,
  requiredText,
  unaffected,
  wholeNumber,
  yesNo,
} from './fields.js';

const messagesOf = (schema: z.ZodType, value: unknown) =>
  describeIssues(schema.safeParse(value).error!).map((i) => i.message);

describe('field builders', () => {
  it('say what is missing, and differently what is wrong', () => {
    const count = wholeNumber({
      missing: 'Indiquez le nombre.',
      invalid: 'Le nombre doit être entier.',
    });
    expect(messagesOf(count, undefined)).toEqual(['Indiquez le nombre.']);
    expect(messagesOf(count, null)).toEqual(['Indiquez le nombre.']);
    expect(messagesOf(count, 'beaucoup')).toEqual(['Le nombre doit être entier.']);
    expect(messagesOf(count, 2.5)).toEqual(['Le nombre doit être entier.']);
    expect(messagesOf(count, -1)).toEqual(['Le nombre doit être entier.']);
    expect(count.safeParse(0).success).toBe(true);
  });

  it('treat blank text as missing and cap its length', () => {
    const title = requiredText('Indiquez le titre.', 5);
    expect(messagesOf(title, '   ')).toEqual(['Indiquez le titre.']);
    expect(messagesOf(title, 12)).toEqual(['Saisissez ce champ sous forme de texte.']);
    expect(messagesOf(title, '123456')[0]).toMatch(/trop long : 5 caractères/);
    expect(title.safeParse(' ok ').data).toBe(' ok ');
  });

  it('check dates, yes/no answers, choices, lists and groups', () => {
    expect(messagesOf(dateField('Indiquez la date.'), '2026-02-30')).toEqual([
      'Saisissez une date valide au format AAAA-MM-JJ.',
    ]);
    expect(messagesOf(yesNo('Répondez.'), 'oui')).toEqual(['Répondez par oui ou par non.']);
    expect(messagesOf(choice(['a', 'b'], 'Choisissez.'), 'c')).toEqual([
      'Choisissez une valeur proposée dans la liste.',
    ]);
    const names = list(z.string(), 'Indiquez les noms.', { count: 1, message: 'Au moins un nom.' });
    expect(messagesOf(names, [])).toEqual(['Au moins un nom.']);
    expect(messagesOf(names, 'x')).toEqual(['Ce champ attend une liste.']);
    expect(messagesOf(group({}, 'Remplissez la partie.'), undefined)).toEqual([
      'Remplissez la partie.',
    ]);
  });
});

describe('unaffected', () => {
  const when = unaffected(['event', 'startDate'], ['organisers', '*', 'role']);
  const at = (...paths: PropertyKey[][]) => ({ issues: paths.map((path) => ({ path })) });

  it('runs when the fields read have no issue', () => {
    expect(when(at())).toBe(true);
    expect(when(at(['title'], ['event', 'endDate'], ['organisers', 0, 'name']))).toBe(true);
  });

  it('skips when a field read, or a group containing it, has an issue', () => {
    expect(when(at(['event', 'startDate']))).toBe(false);
    expect(when(at(['event']))).toBe(false);
    expect(when(at(['organisers', 3, 'role']))).toBe(false);
    expect(when(at(['organisers', 1]))).toBe(false);
    expect(when(at([]))).toBe(false);
  });
});
