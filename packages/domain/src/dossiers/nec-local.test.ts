import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeIssues, type FieldIssue } from '../shared/issues.js';
import { necLocalDossierDraftSchema, necLocalDossierSchema } from './nec-local.js';
import { exampleNecLocalDossier } from './examples.js';
import {
  dot,
  keyPaths,
  leafPaths,
  looksLikeZodDefault,
  valueAt,
  without,
  withValue,
} from './test-helpers/paths.js';

function issuesOf(value: unknown): FieldIssue[] {
  const result = necLocalDossierSchema.safeParse(value);
  return result.success ? [] : describeIssues(result.error);
}

const example = exampleNecLocalDossier();

describe('necLocalDossierSchema', () => {
  it('accepts the example dossier as it is', () => {
    expect(issuesOf(example)).toEqual([]);
  });

  const optional = new Set(['charterAcceptance', 'event.venue.communeCode']);
  const required = keyPaths(example).filter((path) => !optional.has(dot(path)));

  it.each(required.map((path) => [dot(path), path] as const))(
    'reports the removal of %s at its path',
    (_, path) => {
      const issues = issuesOf(without(example, path));
      expect(issues.map((i) => i.path)).toContain(dot(path));
    },
  );

  it.each([...optional])('accepts the dossier without the optional %s', (path) => {
    expect(issuesOf(without(example, path.split('.')))).toEqual([]);
  });

  it('lists every missing field at once', () => {
    const skeleton = {
      themes: {},
      audiences: {},
      formats: {},
      means: {},
      event: {},
      budget: {},
      requests: { subsidy: {} },
    };
    expect(
      issuesOf(skeleton)
        .map((i) => i.path)
        .sort(),
    ).toEqual(
      [
        'title',
        'objective',
        'themes.catalogue',
        'themes.free',
        'themes.expectedBenefits',
        'area',
        'audiences.targets',
        'audiences.expectedAttendees',
        'organisers',
        'formats.kinds',
        'formats.other',
        'eventMode',
        'means.human',
        'means.technical',
        'means.material',
        'means.communication',
        'event.startDate',
        'budget.expenses',
        'budget.resources',
        'requests.label',
        'requests.subsidy.requested',
        'requests.duo',
      ].sort(),
    );
  });

  it('reports cross-field rules together with missing fields', () => {
    const dossier = {
      ...example,
      title: undefined,
      event: { startDate: '2026-10-15', endDate: '2026-10-14' },
    };
    expect(issuesOf(dossier).map((i) => [i.path, i.code])).toEqual([
      ['title', 'invalid_type'],
      ['event.endDate', 'end-before-start'],
      ['event.venue', 'venue-required'],
    ]);
  });

  it('gives a French message for every wrong value, at the path of that value', () => {
    const wrongValue = fc.constantFrom<unknown>({}, [], 'beaucoup', -3, 1.5, true, null, '');
    fc.assert(
      fc.property(fc.constantFrom(...leafPaths(example)), wrongValue, (path, value) => {
        for (const issue of issuesOf(withValue(example, path, value))) {
          expect(looksLikeZodDefault(issue.message), issue.message).toBe(false);
          expect(issue.message).toMatch(/[a-zà-ÿ]/);
        }
      }),
    );
  });

  it('explains a non-integer attendance', () => {
    const issues = issuesOf(withValue(example, ['audiences', 'expectedAttendees'], 150.5));
    expect(issues).toEqual([
      {
        path: 'audiences.expectedAttendees',
        code: 'invalid_type',
        message: 'Le nombre de personnes attendues doit être un nombre entier, positif ou nul.',
      },
    ]);
  });

  describe('cross-field rules', () => {
    it('needs a venue unless the event is fully online', () => {
      const noVenue = without(example, ['event', 'venue']);
      expect(issuesOf(noVenue).map((i) => i.code)).toEqual(['venue-required']);
      expect(issuesOf({ ...noVenue, eventMode: 'in-person' }).map((i) => i.code)).toEqual([
        'venue-required',
      ]);
      expect(issuesOf({ ...noVenue, eventMode: 'online' })).toEqual([]);
    });

    it('accepts an end date on or after the start date', () => {
      expect(issuesOf(withValue(example, ['event', 'endDate'], '2026-10-15'))).toEqual([]);
      expect(issuesOf(withValue(example, ['event', 'endDate'], '2026-10-16'))).toEqual([]);
      expect(
        issuesOf(withValue(example, ['event', 'endDate'], '2026-10-14')).map((i) => i.path),
      ).toEqual(['event.endDate']);
    });

    it('needs a lead organiser', () => {
      const organisers = example.organisers.map((o) => ({ ...o, role: 'partner' }));
      expect(issuesOf({ ...example, organisers })).toEqual([
        {
          path: 'organisers',
          code: 'lead-required',
          message: expect.stringContaining('porte le projet') as string,
        },
      ]);
    });

    it('needs at least one theme, from the list or free', () => {
      const none = { ...example, themes: { ...example.themes, catalogue: [], free: [] } };
      expect(issuesOf(none).map((i) => [i.path, i.code])).toEqual([['themes', 'theme-required']]);
      const freeOnly = { ...example, themes: { ...example.themes, catalogue: [] } };
      expect(issuesOf(freeOnly)).toEqual([]);
    });

    it('refuses a theme ticked twice', () => {
      const twice = withValue(
        example,
        ['themes', 'catalogue'],
        ['digital-inclusion', 'digital-inclusion'],
      );
      expect(issuesOf(twice).map((i) => [i.path, i.code])).toEqual([
        ['themes.catalogue', 'duplicate'],
      ]);
    });

    it('needs at least one format, and a description for "other"', () => {
      expect(
        issuesOf({ ...example, formats: { kinds: [], other: [] } }).map((i) => i.code),
      ).toEqual(['format-required']);
      expect(
        issuesOf({ ...example, formats: { kinds: ['other'], other: [] } }).map((i) => i.path),
      ).toEqual(['formats.other']);
      expect(
        issuesOf({ ...example, formats: { kinds: ['other'], other: ['Balade numérique'] } }),
      ).toEqual([]);
    });

    it('needs the subsidy amount when a subsidy is requested, equal to the budget’s ANCT line', () => {
      const missing = without(example, ['requests', 'subsidy', 'amountCents']);
      expect(issuesOf(missing).map((i) => [i.path, i.code])).toEqual([
        ['requests.subsidy.amountCents', 'required'],
      ]);
      const other = withValue(example, ['requests', 'subsidy', 'amountCents'], 450_000);
      const [issue] = issuesOf(other);
      expect(issue?.code).toBe('subsidy-mismatch');
      expect(issue?.message.replace(/\s/g, ' ')).toContain('(4 500 €)');
      expect(issue?.message.replace(/\s/g, ' ')).toContain('(5 000 €)');
    });

    it('does not let a budget count on a subsidy that is not requested', () => {
      const notRequested = withValue(example, ['requests', 'subsidy'], { requested: false });
      expect(issuesOf(notRequested).map((i) => [i.path, i.code])).toEqual([
        ['requests.subsidy.requested', 'subsidy-not-requested'],
      ]);
      const resources = example.budget.resources.filter((r) => r.kind !== 'anct-subsidy');
      const withoutSubsidy = { ...notRequested, budget: { ...example.budget, resources } };
      expect(issuesOf(withoutSubsidy)).toEqual([]);
    });

    it('checks the syntax of the area’s codes', () => {
      const bad = withValue(
        example,
        ['area'],
        [
          { kind: 'commune', code: '4921' },
          { kind: 'commune', code: '99999' },
          { kind: 'epci', code: '200000000' },
        ],
      );
      // The schema checks the syntax; existence is unknownTerritoryIssues' job (territories entry).
      expect(issuesOf(bad).map((i) => i.path)).toEqual(['area.0.code']);
      expect(issuesOf(withValue(example, ['area'], [])).map((i) => i.path)).toEqual(['area']);
    });

    it('checks the syntax of the venue’s commune code', () => {
      expect(
        issuesOf(withValue(example, ['event', 'venue', 'communeCode'], '9999')).map((i) => i.code),
      ).toEqual(['invalid_format']);
    });

    it('always asks for the label', () => {
      expect(issuesOf(withValue(example, ['requests', 'label'], false)).map((i) => i.path)).toEqual(
        ['requests.label'],
      );
    });
  });
});

describe('necLocalDossierDraftSchema', () => {
  const draftIssues = (value: unknown) => {
    const result = necLocalDossierDraftSchema.safeParse(value);
    return result.success ? [] : describeIssues(result.error);
  };

  it('accepts an empty draft and the complete example', () => {
    expect(draftIssues({})).toEqual([]);
    expect(draftIssues(example)).toEqual([]);
  });

  it('accepts any part of the example: every field is optional at any depth', () => {
    const paths = keyPaths(example);
    fc.assert(
      fc.property(fc.subarray(paths), (removed) => {
        // Remove deepest first so that each path still exists when removed.
        const draft = [...removed]
          .reverse()
          .reduce<unknown>((d, path) => without(d, path), example);
        expect(draftIssues(draft)).toEqual([]);
      }),
    );
  });

  it('accepts blank text anywhere', () => {
    const texts = leafPaths(example).filter((path) => typeof valueAt(example, path) === 'string');
    expect(texts.length).toBeGreaterThan(30);
    const blank = texts.reduce<unknown>((d, path) => withValue(d, path, ''), example);
    expect(draftIssues(blank)).toEqual([]);
    // On submission each blank text is an issue at its own path — except an area code whose
    // kind is blank too: the code cannot be judged without its kind.
    const reported = issuesOf(blank).map((i) => i.path);
    const expected = texts.map(dot).filter((path) => !/^area\.\d+\.code$/.test(path));
    expect(reported.sort()).toEqual(expected.sort());
  });

  it('reports a wrong-typed field with the submission’s message', () => {
    const draft = { audiences: { expectedAttendees: 'beaucoup' } };
    expect(draftIssues(draft)).toEqual([
      {
        path: 'audiences.expectedAttendees',
        code: 'invalid_type',
        message: 'Le nombre de personnes attendues doit être un nombre entier, positif ou nul.',
      },
    ]);
  });

  it('drops cross-field rules: an unfinished draft may be incoherent', () => {
    const draft = {
      eventMode: 'in-person',
      event: { startDate: '2026-10-15', endDate: '2026-10-01' },
    };
    expect(draftIssues(draft)).toEqual([]);
  });
});
