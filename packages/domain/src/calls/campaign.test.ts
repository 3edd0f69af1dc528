import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCharter } from '../charter/current.js';
import { campaignSchema, monthDaySchema } from './campaign.js';
import {
  amiMediation2021,
  campaigns,
  nationalHost2025,
  necLocal2023,
} from './campaigns.fixtures.js';
import { permanentNecLocalCampaign } from './permanent.js';

describe('campaign fixtures', () => {
  it('all satisfy the campaign schema and have distinct ids', () => {
    for (const campaign of campaigns) expect(campaignSchema.parse(campaign)).toEqual(campaign);
    const ids = campaigns.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carry the figures of the 2023 NEC local call', () => {
    expect(necLocal2023.params).toMatchObject({
      leadTimeMonths: 4,
      subsidy: { minCents: 250_000, maxCents: 500_000, capRatio: 0.8 },
      minAttendees: 150,
      minSupportingCollectivites: 1,
      agreementEndDate: '2023-12-31',
    });
  });

  it('carry the figures of the 2025 national host call', () => {
    expect(nationalHost2025.params).toMatchObject({
      applicationDeadline: '2024-07-15',
      editionYear: 2025,
      hostCapacity: { participants: 2000, speakers: 300, days: 2 },
    });
  });

  it('close dated calls on their deadline', () => {
    expect(nationalHost2025.closesOn).toBe(nationalHost2025.params.applicationDeadline);
    expect(amiMediation2021.closesOn).toBe('2021-09-30');
    expect(amiMediation2021.params.deadline).toBe('2021-09-30');
  });

  it('name charter versions that exist', () => {
    for (const campaign of [...campaigns, permanentNecLocalCampaign(2026)]) {
      if (!('charter' in campaign.params)) continue;
      const { id, version } = campaign.params.charter;
      expect(findCharter(id, version)).toBeDefined();
    }
  });
});

describe('campaignSchema', () => {
  it('rejects params that belong to another call kind', () => {
    expect(
      campaignSchema.safeParse({ ...necLocal2023, params: nationalHost2025.params }).success,
    ).toBe(false);
    expect(
      campaignSchema.safeParse({ ...nationalHost2025, callKind: 'ami-mediation' }).success,
    ).toBe(false);
  });
  it('accepts a campaign that never closes', () => {
    expect(campaignSchema.safeParse({ ...necLocal2023, closesOn: null }).success).toBe(true);
  });
});

describe('monthDaySchema', () => {
  it('accepts MM-DD and rejects anything else', () => {
    expect(monthDaySchema.safeParse('09-20').success).toBe(true);
    expect(monthDaySchema.safeParse('12-31').success).toBe(true);
    for (const bad of ['13-01', '00-10', '09-32', '9-20', '2025-09-20']) {
      expect(monthDaySchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('permanentNecLocalCampaign', () => {
  it('is the guide’s call: 3 months, open from the September before, agreement to 31 December', () => {
    const campaign = permanentNecLocalCampaign(2026);
    expect(campaign).toMatchObject({
      id: 'nec-local-permanent-2026',
      opensOn: '2025-09-01',
      closesOn: '2026-12-31',
      params: {
        leadTimeMonths: 3,
        agreementEndDate: '2026-12-31',
        charter: { version: '2024-guide' },
      },
    });
  });

  it('is a valid campaign of its own year, for any year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2999 }), (year) => {
        const campaign = campaignSchema.parse(permanentNecLocalCampaign(year));
        return (
          campaign.year === year &&
          campaign.opensOn === `${year - 1}-09-01` &&
          campaign.callKind === 'nec-local' &&
          campaign.params.agreementEndDate === `${year}-12-31`
        );
      }),
    );
  });
});
