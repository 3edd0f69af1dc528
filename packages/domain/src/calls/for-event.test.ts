import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from '../eligibility/evaluate.js';
import { necLocalBase } from '../eligibility/test-helpers/bases.js';
import { addDays, addMonths } from '../shared/dates.js';
import { amiMediation2021, nationalHost2025 } from './campaigns.fixtures.js';
import { campaignForEvent } from './for-event.js';
import { permanentNecLocalCampaign } from './permanent.js';

const permanent = [2026, 2027, 2028].map(permanentNecLocalCampaign);

describe('campaignForEvent', () => {
  it('picks next year’s NEC local call in late November for an April event', () => {
    const found = campaignForEvent(permanent, {
      callKind: 'nec-local',
      eventDate: '2027-04-15',
      today: '2026-11-29',
    });
    expect(found?.id).toBe('nec-local-permanent-2027');
    expect(
      campaignForEvent(permanent, {
        callKind: 'nec-local',
        eventDate: '2026-12-15',
        today: '2026-11-29',
      })?.id,
    ).toBe('nec-local-permanent-2026');
  });

  it('finds nothing when no call of that kind is open for the event’s year', () => {
    expect(
      campaignForEvent(permanent, {
        callKind: 'nec-local',
        eventDate: '2029-04-15',
        today: '2026-11-29',
      }),
    ).toBeUndefined();
    expect(
      campaignForEvent(permanent, {
        callKind: 'national-host',
        eventDate: '2027-10-01',
        today: '2026-11-29',
      }),
    ).toBeUndefined();
  });

  it('matches a host call by its edition year, and the AMI by being open', () => {
    expect(
      campaignForEvent([nationalHost2025], {
        callKind: 'national-host',
        eventDate: '2025-10-10',
        today: '2024-06-01',
      })?.id,
    ).toBe(nationalHost2025.id);
    expect(
      campaignForEvent([amiMediation2021], {
        callKind: 'ami-mediation',
        eventDate: '2021-12-01',
        today: '2021-06-01',
      })?.id,
    ).toBe(amiMediation2021.id);
  });

  it('lets an organiser ask for a subsidy, on any day, for an event the lead time ahead', () => {
    const example = necLocalBase();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 * 365 }),
        fc.integer({ min: 0, max: 20 }),
        (day, slack) => {
          const today = addDays('2026-01-01', day);
          const eventDate = addDays(addMonths(today, 3), slack);
          const campaign = campaignForEvent(permanent, { callKind: 'nec-local', eventDate, today });
          if (!campaign) return false;
          const dossier = {
            ...example,
            event: { ...example.event, startDate: eventDate, endDate: eventDate },
          };
          const verdict = evaluateEligibility(dossier, campaign, today);
          return (
            verdict.label.verdict === 'eligible' &&
            verdict.subsidy.requested === true &&
            verdict.subsidy.verdict === 'eligible'
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
