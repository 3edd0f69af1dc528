import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amiMediation2021, nationalHost2025 } from '../calls/campaigns.fixtures.js';
import { permanentNecLocalCampaign } from '../calls/permanent.js';
import { addDays } from '../shared/dates.js';
import { evaluateEligibility } from './evaluate.js';
import {
  amiBase,
  nationalHostBase,
  necLocalBase,
  necLocalBaseToday,
} from './test-helpers/bases.js';
import { requestVerdictSchema, verdictSchema } from './verdict.js';

const campaign = permanentNecLocalCampaign(2026);

describe('evaluateEligibility', () => {
  it('dispatches on the call kind', () => {
    expect(evaluateEligibility(necLocalBase(), campaign, necLocalBaseToday).callKind).toBe(
      'nec-local',
    );
    const host = evaluateEligibility(nationalHostBase(), nationalHost2025, '2024-06-01');
    expect(host).toMatchObject({ callKind: 'national-host', campaignId: 'national-host-2025' });
    expect(host.application.verdict).toBe('eligible');
    const ami = evaluateEligibility(amiBase(), amiMediation2021, '2021-09-01');
    expect(ami).toMatchObject({ callKind: 'ami-mediation', application: { verdict: 'eligible' } });
  });

  it('returns data that satisfies the published verdict schemas', () => {
    const result = evaluateEligibility({ title: 'Brouillon' }, campaign, necLocalBaseToday);
    expect(verdictSchema.safeParse(result.label).success).toBe(true);
    expect(requestVerdictSchema.safeParse(result.subsidy).success).toBe(true);
    expect(requestVerdictSchema.safeParse(result.duo).success).toBe(true);
  });

  it('judges an empty draft incomplete, never ineligible, while the campaign is open', () => {
    const result = evaluateEligibility({}, campaign, necLocalBaseToday);
    expect(result.label.verdict).toBe('incomplete');
    expect(result.subsidy).toMatchObject({ requested: null, verdict: 'incomplete' });
    expect(result.duo).toMatchObject({ requested: null, verdict: 'incomplete' });
  });

  it('says a request was not made instead of judging it', () => {
    const base = necLocalBase();
    const result = evaluateEligibility(
      { ...base, requests: { label: true, subsidy: { requested: false }, duo: false } },
      campaign,
      necLocalBaseToday,
    );
    expect(result.subsidy).toEqual({ requested: false });
    expect(result.duo).toEqual({ requested: false });
    expect(result.label.verdict).toBe('eligible');
  });

  it('shows what asking would take when the request is not answered yet', () => {
    const base = necLocalBase();
    const result = evaluateEligibility(
      {
        ...base,
        audiences: { ...base.audiences, expectedAttendees: 20 },
        requests: { label: true },
      },
      campaign,
      necLocalBaseToday,
    );
    expect(result.duo).toMatchObject({ requested: null, verdict: 'ineligible' });
    const ids = 'rules' in result.duo ? result.duo.rules.map((r) => [r.id, r.status]) : [];
    expect(ids).toContainEqual(['request-stated', 'missing']);
    expect(ids).toContainEqual(['min-attendees', 'fail']);
  });

  it('never grants the subsidy or the duo without the label', () => {
    const day = fc.integer({ min: -200, max: 400 }).map((n) => addDays('2026-05-04', n));
    fc.assert(
      fc.property(day, day, fc.nat(400), (today, startDate, expectedAttendees) => {
        const base = necLocalBase();
        const result = evaluateEligibility(
          {
            ...base,
            event: { ...base.event, startDate },
            audiences: { ...base.audiences, expectedAttendees },
          },
          campaign,
          today,
        );
        const granted = (r: typeof result.subsidy) =>
          r.requested !== false && r.verdict === 'eligible';
        return (
          result.label.verdict === 'eligible' || (!granted(result.subsidy) && !granted(result.duo))
        );
      }),
    );
  });
});
