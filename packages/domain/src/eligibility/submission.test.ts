import { describe, expect, it } from 'vitest';
import { amiMediation2021, nationalHost2025 } from '../calls/campaigns.fixtures.js';
import { permanentNecLocalCampaign } from '../calls/permanent.js';
import { addMonths } from '../shared/dates.js';
import { eligibilitySchema } from './eligibility-schema.js';
import { evaluateEligibility } from './evaluate.js';
import { canSubmit, submissionBlockers } from './submission.js';
import {
  amiBase,
  nationalHostBase,
  necLocalBase,
  necLocalBaseToday,
} from './test-helpers/bases.js';

const campaign = permanentNecLocalCampaign(2026);
const judge = (dossier: ReturnType<typeof necLocalBase>, today = necLocalBaseToday) =>
  evaluateEligibility(dossier, campaign, today);

describe('eligibilitySchema', () => {
  it('describes what evaluateEligibility returns, for every call', () => {
    expect(eligibilitySchema.parse(judge(necLocalBase()))).toEqual(judge(necLocalBase()));
    expect(
      eligibilitySchema.safeParse(
        evaluateEligibility(nationalHostBase(), nationalHost2025, '2024-06-01'),
      ).success,
    ).toBe(true);
    expect(
      eligibilitySchema.safeParse(evaluateEligibility(amiBase(), amiMediation2021, '2021-09-01'))
        .success,
    ).toBe(true);
  });
});

describe('submissionBlockers', () => {
  it('lets an eligible dossier through', () => {
    expect(submissionBlockers(judge(necLocalBase()))).toEqual([]);
    expect(canSubmit(judge(necLocalBase()))).toBe(true);
  });

  it('blocks while the label is ineligible, with each failed rule explained once', () => {
    const tooLate = necLocalBase();
    tooLate.event.startDate = addMonths(necLocalBaseToday, 1);
    if (tooLate.event.endDate) tooLate.event.endDate = tooLate.event.startDate;
    const blockers = submissionBlockers(judge(tooLate));
    expect(blockers.map((b) => [b.path, b.code])).toEqual([['requests.label', 'lead-time']]);
    expect(blockers[0]?.message).toMatch(/mois/);
    expect(canSubmit(judge(tooLate))).toBe(false);
  });

  it('blocks an ineligible subsidy request until it is fixed or withdrawn', () => {
    const small = necLocalBase();
    small.audiences.expectedAttendees = 40;
    expect(small.requests.subsidy.requested).toBe(true);
    const blockers = submissionBlockers(judge(small));
    expect(blockers.map((b) => b.path)).toContain('requests.subsidy.requested');
    expect(blockers.map((b) => b.code)).toContain('min-attendees');

    const withdrawn = necLocalBase();
    withdrawn.audiences.expectedAttendees = 40;
    withdrawn.requests = { ...withdrawn.requests, subsidy: { requested: false }, duo: false };
    withdrawn.budget.resources = withdrawn.budget.resources.filter(
      (r) => r.kind !== 'anct-subsidy',
    );
    expect(submissionBlockers(judge(withdrawn))).toEqual([]);
  });

  it('blocks an ineligible application to the other calls', () => {
    const host = nationalHostBase();
    const verdict = evaluateEligibility(host, nationalHost2025, '2025-06-01');
    expect(verdict.application.verdict).toBe('ineligible');
    expect(submissionBlockers(verdict).every((b) => b.path === '')).toBe(true);
    expect(submissionBlockers(verdict).length).toBeGreaterThan(0);
  });
});
