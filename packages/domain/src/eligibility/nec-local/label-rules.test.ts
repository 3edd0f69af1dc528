import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permanentNecLocalCampaign } from '../../calls/permanent.js';
import { addDays, addMonths } from '../../shared/dates.js';
import { ruleFactory } from '../rule.js';
import { necLocalBase } from '../test-helpers/bases.js';
import { describeLead, leadTimeRule, legalEntityRule } from './label-rules.js';

const campaign = permanentNecLocalCampaign(2026);
const make = ruleFactory(campaign);
const withStart = (startDate: string) => ({ event: { startDate } });
const day = fc.integer({ min: 0, max: 2000 }).map((n) => addDays('2024-01-01', n));

describe('describeLead', () => {
  it('says months and days in French', () => {
    expect(describeLead('2026-07-15', '2026-10-15')).toBe('3 mois');
    expect(describeLead('2026-07-16', '2026-10-15')).toBe('2 mois et 29 jours');
    expect(describeLead('2026-10-14', '2026-10-15')).toBe('1 jour');
    expect(describeLead('2026-09-14', '2026-10-15')).toBe('1 mois et 1 jour');
  });
});

describe('leadTimeRule', () => {
  it('passes exactly 3 months ahead and fails one day later', () => {
    const exact = leadTimeRule(make, campaign, withStart('2026-10-15'), '2026-07-15');
    expect(exact.status).toBe('pass');
    expect(exact.explanation).toContain('3 mois');
    const short = leadTimeRule(make, campaign, withStart('2026-10-15'), '2026-07-16');
    expect(short.status).toBe('fail');
    expect(short.explanation).toContain('2 mois et 29 jours');
    expect(short.explanation).toContain('16 octobre 2026');
  });

  it('reads month ends the calendar way (30 November + 3 months = 28 February)', () => {
    expect(leadTimeRule(make, campaign, withStart('2027-02-28'), '2026-11-30').status).toBe('pass');
    expect(leadTimeRule(make, campaign, withStart('2027-02-27'), '2026-11-30').status).toBe('fail');
  });

  it('says when the event is already over, and names its source', () => {
    const past = leadTimeRule(make, campaign, withStart('2026-03-01'), '2026-05-04');
    expect(past.status).toBe('fail');
    expect(past.explanation).toMatch(/déjà passé/);
    expect(past.source).toEqual({
      callKind: 'nec-local',
      campaignId: campaign.id,
      parameter: 'leadTimeMonths',
    });
  });

  it('is missing without a start date, blank included', () => {
    expect(leadTimeRule(make, campaign, {}, '2026-05-04').status).toBe('missing');
    expect(leadTimeRule(make, campaign, withStart(''), '2026-05-04').status).toBe('missing');
  });

  it('passes exactly when the event starts on or after today + lead time', () => {
    fc.assert(
      fc.property(day, day, (today, start) => {
        const status = leadTimeRule(make, campaign, withStart(start), today).status;
        return status === (addMonths(today, 3) <= start ? 'pass' : 'fail');
      }),
    );
  });

  it('never turns a pass into a fail when the event moves later', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 1, max: 400 }), (today, start, shift) => {
        const before = leadTimeRule(make, campaign, withStart(start), today).status;
        const after = leadTimeRule(make, campaign, withStart(addDays(start, shift)), today).status;
        return before !== 'pass' || after === 'pass';
      }),
    );
  });
});

describe('legalEntityRule', () => {
  const base = necLocalBase();
  const lead = base.organisers[0]!;

  it('passes a lead with a valid SIRET, separators allowed', () => {
    expect(legalEntityRule(make, base).status).toBe('pass');
    const spaced = { organisers: [{ ...lead, siret: '999 990 104 00013' }] };
    expect(legalEntityRule(make, spaced).status).toBe('pass');
  });

  it('accepts La Poste’s digit-sum SIRETs', () => {
    // 356000000 + 00010: digits sum to 15, a multiple of 5, though not Luhn-valid.
    const laPoste = { organisers: [{ ...lead, siret: '35600000000010' }] };
    expect(legalEntityRule(make, laPoste).status).toBe('pass');
  });

  it('fails a SIRET with a wrong checksum, quoting it', () => {
    const result = legalEntityRule(make, { organisers: [{ ...lead, siret: '99999010400014' }] });
    expect(result.status).toBe('fail');
    expect(result.explanation).toContain('99999010400014');
  });

  it('is missing without a lead organiser or without its SIRET', () => {
    expect(legalEntityRule(make, { organisers: [{ ...lead, role: 'partner' }] }).status).toBe(
      'missing',
    );
    expect(legalEntityRule(make, { organisers: [{ ...lead, siret: undefined }] }).status).toBe(
      'missing',
    );
    expect(legalEntityRule(make, { organisers: [null] }).status).toBe('missing');
    expect(legalEntityRule(make, {}).status).toBe('missing');
  });
});
