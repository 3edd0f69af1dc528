import { describe, expect, it } from 'vitest';
import { aggregateBilans } from './aggregate.js';
import { bilanRecordSchema } from './bilan-record.js';
import { necLocalBilanSchema } from './local-bilan.js';
import { metz2023Bilan, metz2023Context } from './metz-2023.js';
import { teamSize } from './team.js';

describe('metz2023Bilan', () => {
  it('holds the figures of the guide', () => {
    expect(metz2023Bilan).toMatchObject({
      expectedAttendees: { min: 150, max: 250 },
      attendees: 181,
      structuresRepresented: 71,
      speakers: { total: 15 },
      formats: { workshops: 4, discoveryStands: 5 },
      budget: { expensesCents: 1_400_000 },
      publicOrigin: { majority: 'professionals' },
      preparation: {
        steeringCommittees: 3,
        partnerMeetings: 10,
        topicMeetings: 20,
        speakerMeetings: 60,
      },
      licence: 'CC-BY-SA-4.0-FR',
    });
    expect(Object.fromEntries(metz2023Bilan.team.map((m) => [m.role, m.count]))).toEqual({
      reception: 3,
      'speaker-care': 3,
      floor: 7,
      supervision: 1,
      technical: 3,
      video: 2,
    });
    expect(teamSize(metz2023Bilan.team)).toBe(19);
  });

  it('does not invent what the guide does not publish', () => {
    expect(metz2023Bilan.speakers.genderSplit).toBeUndefined();
    expect(metz2023Bilan.budget.subsidyCents).toBeUndefined();
    expect(metz2023Bilan.satisfaction?.respondents).toBeUndefined();
    expect(metz2023Bilan.satisfaction?.evokedWords.every((w) => w.count === undefined)).toBe(true);
  });

  it('is a valid bilan, and a valid record once dated', () => {
    expect(necLocalBilanSchema.parse(metz2023Bilan)).toEqual(metz2023Bilan);
    const { eventMonth, venueName: _venue, ...context } = metz2023Context;
    const record = {
      ...context,
      id: 'metz-2023',
      eventDate: `${eventMonth}-15`,
      bilan: metz2023Bilan,
    };
    expect(bilanRecordSchema.safeParse(record).success).toBe(true);
    const aggregate = aggregateBilans([record]);
    expect(aggregate.costPerAttendeeCents).toBe(7735); // 14 000 € / 181 = 77,35 €
    expect(aggregate.byRegion.map((row) => row.key)).toEqual(['44']);
    expect(aggregate.byThemeFamily.map((row) => row.key)).toEqual(['inclusion-emancipation']);
    expect(aggregate.parityRatio).toBeNull();
  });
});
