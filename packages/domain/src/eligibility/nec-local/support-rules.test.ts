import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { necLocal2023 } from '../../calls/campaigns.fixtures.js';
import { type NecLocalCampaign } from '../../calls/campaign.js';
import { permanentNecLocalCampaign } from '../../calls/permanent.js';
import { type Organiser } from '../../dossiers/index.js';
import { ruleFactory } from '../rule.js';
import { necLocalBase } from '../test-helpers/bases.js';
import {
  minAttendeesRule,
  supportingCollectivitesRule,
  venueCapacityRule,
} from './support-rules.js';

const campaign = permanentNecLocalCampaign(2026);
const make = ruleFactory(campaign);
const base = necLocalBase();

const organiser = (over: Partial<Organiser>): Organiser => ({
  name: 'Structure fictive',
  category: 'association',
  role: 'partner',
  supportsEvent: true,
  ...over,
});

describe('supportingCollectivitesRule', () => {
  it('counts collectivités that support the event, syndicats mixtes included', () => {
    const result = supportingCollectivitesRule(make, campaign, {
      organisers: [organiser({ category: 'syndicat-mixte', name: 'Syndicat fictif' })],
    });
    expect(result.status).toBe('pass');
    expect(result.explanation).toContain('« Syndicat fictif »');
  });

  it('fails when collectivités take part without supporting, or none takes part', () => {
    const notSupporting = {
      organisers: [organiser({ category: 'commune', supportsEvent: false })],
    };
    expect(supportingCollectivitesRule(make, campaign, notSupporting).status).toBe('fail');
    const onlyAssociations = { organisers: [organiser({}), organiser({ category: 'entreprise' })] };
    const result = supportingCollectivitesRule(make, campaign, onlyAssociations);
    expect(result.status).toBe('fail');
    expect(result.explanation).toMatch(/^Aucune collectivité/);
  });

  it('fails with the names found when the campaign asks for more', () => {
    const two: NecLocalCampaign = {
      ...campaign,
      params: { ...campaign.params, minSupportingCollectivites: 2 },
    };
    const result = supportingCollectivitesRule(make, two, {
      organisers: [organiser({ category: 'region', name: 'Région fictive' })],
    });
    expect(result.status).toBe('fail');
    expect(result.explanation).toContain('Seule « Région fictive » soutient');
    expect(result.explanation).toContain('au moins 2 collectivités');
  });

  it('is missing while categories or support answers are blank', () => {
    expect(supportingCollectivitesRule(make, campaign, {}).status).toBe('missing');
    const blankCategory = { organisers: [{ name: 'Sans catégorie', category: '' as const }] };
    expect(supportingCollectivitesRule(make, campaign, blankCategory).status).toBe('missing');
    const unanswered = { organisers: [{ category: 'departement' as const, supportsEvent: null }] };
    expect(supportingCollectivitesRule(make, campaign, unanswered).status).toBe('missing');
  });
});

describe('minAttendeesRule', () => {
  it('passes exactly 150 and fails 149', () => {
    expect(minAttendeesRule(make, campaign, { audiences: { expectedAttendees: 150 } }).status).toBe(
      'pass',
    );
    const short = minAttendeesRule(make, campaign, { audiences: { expectedAttendees: 149 } });
    expect(short.status).toBe('fail');
    expect(short.explanation).toContain('149 personnes');
    expect(short.explanation).toContain('150');
  });

  it('passes exactly when the audience reaches the campaign minimum', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (expected, min) => {
        const custom = { ...necLocal2023, params: { ...necLocal2023.params, minAttendees: min } };
        const status = minAttendeesRule(make, custom, {
          audiences: { expectedAttendees: expected },
        }).status;
        return status === (expected >= min ? 'pass' : 'fail');
      }),
    );
  });
});

describe('venueCapacityRule', () => {
  const venue = base.event.venue!;
  const dossier = (
    capacity: number | undefined,
    expectedAttendees: number | undefined,
    eventMode = 'in-person' as const,
  ) => ({
    eventMode,
    audiences: { expectedAttendees },
    event: {
      startDate: '2026-10-15',
      venue: capacity === undefined ? undefined : { ...venue, capacity },
    },
  });

  it('needs room for the expected audience, and at least the minimum', () => {
    expect(venueCapacityRule(make, campaign, dossier(180, 180)).status).toBe('pass');
    expect(venueCapacityRule(make, campaign, dossier(179, 180)).status).toBe('fail');
    expect(venueCapacityRule(make, campaign, dossier(150, 100)).status).toBe('pass');
    const small = venueCapacityRule(make, campaign, dossier(149, 100));
    expect(small.status).toBe('fail');
    expect(small.explanation).toContain('minimum de 150');
  });

  it('fails a fully online event, explaining that a venue is needed', () => {
    const online = venueCapacityRule(make, campaign, {
      ...dossier(undefined, 300),
      eventMode: 'online',
    });
    expect(online.status).toBe('fail');
    expect(online.explanation).toMatch(/en ligne/);
    expect(online.explanation).toMatch(/lieu/);
  });

  it('is missing without a venue, or without the audience to compare with', () => {
    expect(
      venueCapacityRule(make, campaign, dossier(undefined, 180, 'hybrid' as never)).status,
    ).toBe('missing');
    expect(venueCapacityRule(make, campaign, dossier(400, undefined)).status).toBe('missing');
  });
});
