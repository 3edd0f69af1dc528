import { describe, expect, it } from 'vitest';
import { describeIssues } from '../shared/issues.js';
import {
  necLocalBilanDraftSchema,
  necLocalBilanSchema,
  type NecLocalBilanInput,
} from './local-bilan.js';
import { metz2023Bilan } from './metz-2023.js';
import { bilanWith } from './test-helpers/records.js';

function issuesOf(input: unknown) {
  const parsed = necLocalBilanSchema.safeParse(input);
  return parsed.success ? [] : describeIssues(parsed.error);
}

const base = (): NecLocalBilanInput => bilanWith({ attendees: 120, expensesCents: 800_000 });

describe('necLocalBilanSchema', () => {
  it('accepts a minimal complete bilan and defaults the licence to the charter’s', () => {
    const { licence: _licence, ...withoutLicence } = base();
    const parsed = necLocalBilanSchema.parse(withoutLicence);
    expect(parsed.licence).toBe('CC-BY-SA-4.0-FR');
  });

  it('lists every missing figure at once, in French', () => {
    const issues = issuesOf({});
    const paths = issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'attendees',
        'structuresRepresented',
        'speakers',
        'formats',
        'budget',
      ]),
    );
    expect(issues.find((issue) => issue.path === 'attendees')?.message).toBe(
      'Indiquez le nombre de personnes présentes.',
    );
  });

  it('refuses negative or fractional counts', () => {
    const issues = issuesOf({ ...base(), attendees: -1, structuresRepresented: 2.5 });
    expect(issues.map((issue) => issue.path)).toEqual(['attendees', 'structuresRepresented']);
    expect(issues[0]?.message).toContain('entier positif ou nul');
  });

  it('requires the gender split to add up to the total of speakers', () => {
    const bad = {
      ...base(),
      speakers: { total: 10, genderSplit: { women: 4, men: 4, nonBinaryOrUndisclosed: 1 } },
    };
    expect(issuesOf(bad)).toEqual([
      {
        path: 'speakers.genderSplit',
        code: 'gender-split-mismatch',
        message:
          'La répartition par genre compte 9 intervenant·es, alors que le total indiqué est de 10.',
      },
    ]);
    const good = { ...bad, speakers: { ...bad.speakers, total: 9 } };
    expect(issuesOf(good)).toEqual([]);
  });

  it('refuses an inverted expected range', () => {
    const issues = issuesOf({ ...base(), expectedAttendees: { min: 250, max: 150 } });
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['expectedAttendees.max', 'range-inverted'],
    ]);
  });

  it('checks other formats: known kinds, not counted elsewhere, labelled when « other », once each', () => {
    const formats = (others: unknown[]) => ({
      ...base(),
      formats: { workshops: 1, discoveryStands: 0, others },
    });
    expect(
      issuesOf(
        formats([
          { kind: 'fishbowl', count: 2 },
          { kind: 'other', label: 'Escape game', count: 1 },
        ]),
      ),
    ).toEqual([]);
    expect(issuesOf(formats([{ kind: 'workshop', count: 2 }])).map((i) => i.code)).toEqual([
      'format-counted-elsewhere',
    ]);
    expect(issuesOf(formats([{ kind: 'other', count: 1 }])).map((i) => i.path)).toEqual([
      'formats.others.0.label',
    ]);
    expect(
      issuesOf(
        formats([
          { kind: 'barcamp', count: 1 },
          { kind: 'barcamp', count: 1 },
        ]),
      ).map((i) => i.path),
    ).toEqual(['formats.others.1.kind']);
    expect(issuesOf(formats([{ kind: 'karaoke', count: 1 }])).map((i) => i.path)).toEqual([
      'formats.others.0.kind',
    ]);
  });

  describe('budget', () => {
    it('refuses a subsidy above the resources', () => {
      const issues = issuesOf({
        ...base(),
        budget: { expensesCents: 900_000, resourcesCents: 300_000, subsidyCents: 400_000 },
      });
      expect(issues.map((issue) => issue.code)).toEqual(['subsidy-exceeds-resources']);
      expect(issues[0]?.message).toMatch(/4\s000\s€.*3\s000\s€/);
    });
    it('checks stated totals against detailed lines', () => {
      const lines = {
        expenses: [
          { category: 'logistics', label: 'Salle', amountCents: 500_000 },
          { category: 'communication', label: 'Affiches', amountCents: 100_000 },
        ],
        resources: [
          { kind: 'own-funds', label: 'Budget de la ville', amountCents: 200_000 },
          { kind: 'anct-subsidy', label: 'Subvention', amountCents: 400_000 },
        ],
      };
      const ok = { expensesCents: 600_000, resourcesCents: 600_000, subsidyCents: 400_000, lines };
      expect(issuesOf({ ...base(), budget: ok })).toEqual([]);
      const issues = issuesOf({
        ...base(),
        budget: { ...ok, expensesCents: 650_000, subsidyCents: 300_000 },
      });
      expect(issues.map((issue) => issue.path)).toEqual([
        'budget.expensesCents',
        'budget.subsidyCents',
      ]);
    });
    it('refuses amounts that are not whole cents', () => {
      expect(issuesOf({ ...base(), budget: { expensesCents: 10.5 } }).map((i) => i.path)).toEqual([
        'budget.expensesCents',
      ]);
    });
  });

  describe('public origin', () => {
    const withOrigin = (publicOrigin: unknown) => issuesOf({ ...base(), publicOrigin });
    it('accepts counts, shares or a majority', () => {
      expect(withOrigin({ majority: 'professionals' })).toEqual([]);
      expect(
        withOrigin({
          counts: { professionals: 90, elected: 10, citizens: 15, students: 5, other: 0 },
        }),
      ).toEqual([]);
      expect(
        withOrigin({
          sharesPercent: { professionals: 60.5, elected: 10, citizens: 20, students: 9, other: 0 },
        }),
      ).toEqual([]);
    });
    it('wants shares adding up to 100 % within one point', () => {
      const issues = withOrigin({
        sharesPercent: { professionals: 60, elected: 10, citizens: 20, students: 5, other: 0 },
      });
      expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
        ['publicOrigin.sharesPercent', 'shares-not-100'],
      ]);
      expect(issues[0]?.message).toContain('95 %');
    });
    it('refuses an empty origin', () => {
      expect(withOrigin({}).map((issue) => issue.code)).toEqual(['origin-empty']);
    });
  });

  describe('satisfaction', () => {
    const survey = { mostAppreciated: [], leastAppreciated: [], evokedWords: [] };
    it('refuses more overall answers than respondents', () => {
      const issues = issuesOf({
        ...base(),
        satisfaction: {
          ...survey,
          respondents: 10,
          overall: { veryGood: 5, good: 4, average: 2, poor: 0 },
        },
      });
      expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
        ['satisfaction.overall', 'answers-exceed-respondents'],
      ]);
    });
    it('accepts words with or without counts', () => {
      const satisfaction = {
        ...survey,
        evokedWords: [{ word: 'Solidarité', count: 12 }, { word: 'Défi' }],
      };
      expect(issuesOf({ ...base(), satisfaction })).toEqual([]);
      expect(
        issuesOf({ ...base(), satisfaction: { ...survey, evokedWords: [{ word: '  ' }] } }).map(
          (i) => i.path,
        ),
      ).toEqual(['satisfaction.evokedWords.0.word']);
    });
  });

  describe('team and preparation', () => {
    it('wants each role once, and a label for « other »', () => {
      const team = [
        { role: 'reception', count: 2 },
        { role: 'reception', count: 1 },
        { role: 'other', count: 1 },
      ];
      const issues = issuesOf({ ...base(), team });
      expect(issues.map((issue) => issue.path)).toEqual(['team.2.label']);
      const labelled = team.map((m) => (m.role === 'other' ? { ...m, label: 'Photographie' } : m));
      expect(
        issuesOf({ ...base(), team: labelled }).map((issue) => [issue.path, issue.code]),
      ).toEqual([['team.1.role', 'duplicate-role']]);
    });
    it('wants one date per steering committee when they are dated', () => {
      const preparation = {
        steeringCommittees: 3,
        partnerMeetings: 0,
        topicMeetings: 0,
        speakerMeetings: 0,
      };
      expect(issuesOf({ ...base(), preparation })).toEqual([]);
      expect(
        issuesOf({
          ...base(),
          preparation: { ...preparation, steeringCommitteeMonthsBefore: [5, 1] },
        }).map((i) => i.code),
      ).toEqual(['committee-dates-mismatch']);
    });
  });

  describe('resource links', () => {
    const withLink = (link: unknown) => issuesOf({ ...base(), resources: [link] });
    it('accepts https links, and Les Bases links on its host', () => {
      expect(
        withLink({
          kind: 'les-bases',
          url: 'https://lesbases.anct.gouv.fr/ressources/nec-metz-2023',
        }),
      ).toEqual([]);
      expect(withLink({ kind: 'video', url: 'https://video.example.org/nec' })).toEqual([]);
    });
    it('refuses plain http', () => {
      expect(
        withLink({ kind: 'video', url: 'http://video.example.org/nec' }).map((i) => i.path),
      ).toEqual(['resources.0.url']);
    });
    it('refuses a Les Bases link on another or look-alike host', () => {
      for (const url of [
        'https://example.org/ressources/x',
        'https://lesbases.anct.gouv.fr.example.org/x',
        'https://fake-lesbases.anct.gouv.fr/x',
      ]) {
        expect(withLink({ kind: 'les-bases', url }).map((i) => i.code)).toEqual(['not-les-bases']);
      }
    });
  });

  it('refuses a licence that is not in the list', () => {
    expect(issuesOf({ ...base(), licence: 'all-rights-reserved' }).map((i) => i.path)).toEqual([
      'licence',
    ]);
  });

  it('accepts the Metz 2023 bilan as it is', () => {
    expect(issuesOf(metz2023Bilan)).toEqual([]);
  });
});

describe('necLocalBilanDraftSchema', () => {
  it('accepts an empty or half-filled bilan', () => {
    expect(necLocalBilanDraftSchema.safeParse({}).success).toBe(true);
    const half = {
      attendees: 181,
      speakers: { total: 15, genderSplit: { women: 7 } },
      budget: { subsidyCents: null },
      satisfaction: { evokedWords: [{ word: 'Solidarité' }, null] },
      resources: [{ kind: 'les-bases' }],
      comments: '',
    };
    expect(necLocalBilanDraftSchema.parse(half)).toEqual(half);
  });
  it('skips cross-field rules but still checks the values given', () => {
    expect(
      necLocalBilanDraftSchema.safeParse({
        speakers: { total: 15, genderSplit: { women: 1, men: 1, nonBinaryOrUndisclosed: 0 } },
      }).success,
    ).toBe(true);
    const parsed = necLocalBilanDraftSchema.safeParse({
      attendees: -3,
      resources: [{ url: 'http://x.fr' }],
    });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(describeIssues(parsed.error).map((issue) => issue.path)).toEqual([
        'attendees',
        'resources.0.url',
      ]);
    }
  });
});
