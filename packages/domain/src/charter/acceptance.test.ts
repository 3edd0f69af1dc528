import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amiMediation2021, necLocal2023, nationalHost2025 } from '../calls/campaigns.fixtures.js';
import { permanentNecLocalCampaign } from '../calls/permanent.js';
import { dossierStates } from '../workflow/states.js';
import {
  acceptCharter,
  charterAcceptanceSchema,
  checkCharterAcceptable,
  isAcceptanceValidFor,
} from './acceptance.js';
import { guideCharter2024, siteCharter2023 } from './charters.data.js';

const now = new Date('2026-03-02T09:30:00.000Z');

describe('acceptCharter', () => {
  it('records the version, the instant and the user id, in the shared schema', () => {
    const acceptance = acceptCharter(guideCharter2024, 'user-42', now);
    expect(acceptance).toEqual({
      charterId: 'nec-charter',
      version: '2024-guide',
      acceptedAt: '2026-03-02T09:30:00.000Z',
      acceptedBy: 'user-42',
    });
    expect(charterAcceptanceSchema.parse(acceptance)).toEqual(acceptance);
  });

  it('always yields a valid acceptance for any instant and non-empty user id', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.string({ minLength: 1 }),
        (at, user) =>
          charterAcceptanceSchema.safeParse(acceptCharter(siteCharter2023, user, at)).success,
      ),
    );
  });
});

describe('charterAcceptanceSchema', () => {
  it('rejects an acceptance without user or with a bare date, in French', () => {
    const result = charterAcceptanceSchema.safeParse({
      charterId: 'nec-charter',
      version: '2024-guide',
      acceptedAt: '2026-03-02',
      acceptedBy: '',
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['acceptedAt', 'acceptedBy']));
    expect(result.error?.issues.find((i) => i.path[0] === 'acceptedBy')?.message).toMatch(
      /accepté/,
    );
  });
});

describe('isAcceptanceValidFor', () => {
  const guide = acceptCharter(guideCharter2024, 'user-1', now);
  const site = acceptCharter(siteCharter2023, 'user-1', now);

  it('needs the version the campaign names', () => {
    expect(isAcceptanceValidFor(guide, permanentNecLocalCampaign(2026))).toBe(true);
    expect(isAcceptanceValidFor(site, permanentNecLocalCampaign(2026))).toBe(false);
    expect(isAcceptanceValidFor(site, necLocal2023)).toBe(true);
    expect(isAcceptanceValidFor(guide, necLocal2023)).toBe(false);
    expect(isAcceptanceValidFor(site, nationalHost2025)).toBe(true);
  });

  it('needs the same charter id', () => {
    expect(
      isAcceptanceValidFor({ ...guide, charterId: 'another' }, permanentNecLocalCampaign(2026)),
    ).toBe(false);
  });

  it('accepts anything for a call that names no charter', () => {
    expect(isAcceptanceValidFor(site, amiMediation2021)).toBe(true);
  });
});

describe('checkCharterAcceptable', () => {
  it('accepts the charter on a draft only', () => {
    expect(checkCharterAcceptable('draft')).toEqual({ ok: true, value: true });
    for (const state of dossierStates.filter((s) => s !== 'draft')) {
      const result = checkCharterAcceptable(state);
      expect(result.ok, state).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('not-editable');
    }
  });
});
