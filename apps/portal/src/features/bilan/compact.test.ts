import { describe, expect, it } from 'vitest';
import { necLocalBilanSchema } from '@nec/domain';
import { compactFor } from './compact.js';

const compact = compactFor(necLocalBilanSchema);

describe('compactFor (the bilan form as the domain reads it)', () => {
  it('leaves blank fields and empty optional groups out, keeps required groups', () => {
    expect(
      compact({
        attendees: 181,
        structuresRepresented: null,
        speakers: {
          total: null,
          genderSplit: { women: null, men: null, nonBinaryOrUndisclosed: null },
        },
        satisfaction: {
          respondents: null,
          mostAppreciated: [],
          leastAppreciated: [],
          evokedWords: [],
        },
        comments: '  ',
        improvements: { fromPublic: [], fromOrganisers: [] },
      }),
    ).toEqual({
      attendees: 181,
      speakers: {},
      improvements: { fromPublic: [], fromOrganisers: [] },
    });
  });

  it('keeps an optional group as soon as one of its fields is typed', () => {
    expect(compact({ speakers: { total: 15, genderSplit: { women: 8, men: null } } })).toEqual({
      speakers: { total: 15, genderSplit: { women: 8 } },
    });
    expect(compact({ satisfaction: { respondents: 40, mostAppreciated: [] } })).toEqual({
      satisfaction: { respondents: 40, mostAppreciated: [] },
    });
  });

  it('turns a blank item of a list into null, so its message lands on the item', () => {
    expect(
      compact({
        improvements: { fromPublic: ['Plus de pauses', ''], fromOrganisers: [] },
        team: [{ role: 'reception', count: null }],
      }),
    ).toEqual({
      improvements: { fromPublic: ['Plus de pauses', null], fromOrganisers: [] },
      team: [{ role: 'reception' }],
    });
  });

  it('lets the domain schema say what is missing, field by field', () => {
    const parsed = necLocalBilanSchema.safeParse(compact({ speakers: { total: null } }));
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('speakers.total');
    expect(paths).toContain('attendees');
  });
});
