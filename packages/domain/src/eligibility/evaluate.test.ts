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

describe('invalid values', () => {
  it('never reads an invalid attendance: the rule is missing, with its French message', () => {
    const base = necLocalBase();
    const invalid = { ...base, audiences: { ...base.audiences, expectedAttendees: Number.NaN } };
    const asText = { ...base, audiences: { ...base.audiences, expectedAttendees: 'beaucoup' } };
    for (const draft of [invalid, asText]) {
      const result = evaluateEligibility(draft as never, campaign, necLocalBaseToday);
      const rule = result.subsidy.requested === true ? result.subsidy.rules : [];
      const attendees = rule.find((r) => r.id === 'min-attendees');
      expect(attendees?.status).toBe('missing');
      expect(attendees?.explanation).toMatch(/^Indiquez le nombre de personnes attendues/);
      expect(JSON.stringify(result)).not.toMatch(/NaN/);
    }
  });

  it('never reads an impossible date as another day', () => {
    const base = necLocalBase();
    const draft = { ...base, event: { ...base.event, startDate: '2026-02-30' } };
    const result = evaluateEligibility(draft, campaign, necLocalBaseToday);
    const leadTime = result.label.rules.find((r) => r.id === 'lead-time');
    expect(leadTime?.status).toBe('missing');
    expect(leadTime?.explanation).toMatch(/^Indiquez la date de l’événement/);
    expect(result.label.verdict).toBe('incomplete');
    expect(JSON.stringify(result)).not.toMatch(/2 mars/);
  });

  it('reads the valid rest of a draft unchanged (the input is not modified)', () => {
    const base = necLocalBase();
    const draft = { ...base, event: { ...base.event, startDate: '2026-02-30' } };
    const before = structuredClone(draft);
    evaluateEligibility(draft, campaign, necLocalBaseToday);
    expect(draft).toEqual(before);
  });
});
