import { describe, expect, it } from 'vitest';
import { exampleNecLocalDossier } from '../dossiers/examples.js';
import { bilanPlanOf, dossierEventDates, prefilledBilan } from './from-dossier.js';
import { bilanRecordContextOf } from './record-context.js';

const stored = (content: Record<string, unknown>, awardedAmountCents: number | null = 450_000) => ({
  callKind: 'nec-local' as const,
  content,
  awardedAmountCents,
});

describe('dossierEventDates', () => {
  it('reads valid dates only', () => {
    expect(
      dossierEventDates({ event: { startDate: '2026-10-15', endDate: '2026-10-16' } }),
    ).toEqual({ startDate: '2026-10-15', endDate: '2026-10-16' });
    expect(dossierEventDates({ event: { startDate: '2026-10-15', endDate: 'demain' } })).toEqual({
      startDate: '2026-10-15',
    });
    expect(dossierEventDates({ event: { startDate: '15/10/2026' } })).toBeUndefined();
    expect(dossierEventDates({})).toBeUndefined();
  });
});

describe('bilanPlanOf and prefilledBilan', () => {
  it('shows what the dossier planned and pre-fills the audience and the award', () => {
    const plan = bilanPlanOf(stored(exampleNecLocalDossier()));
    expect(plan).toMatchObject({
      startDate: '2026-10-15',
      eventMode: 'hybrid',
      expectedAttendees: 180,
      awardedAmountCents: 450_000,
    });
    expect(plan.budgetTotals).toEqual({
      expensesCents: 1_400_000,
      resourcesCents: 1_400_000,
      subsidyCents: 500_000,
    });
    expect(prefilledBilan(plan)).toEqual({
      expectedAttendees: { min: 180, max: 180 },
      budget: { subsidyCents: 450_000 },
    });
  });

  it('guesses nothing from a dossier that does not read', () => {
    const plan = bilanPlanOf(stored({ title: 'Brouillon' }, null));
    expect(plan.expectedAttendees).toBeNull();
    expect(prefilledBilan(plan)).toEqual({});
  });
});

describe('bilanRecordContextOf', () => {
  it('places the event at its venue’s commune and takes the lead organiser as porteur', () => {
    const context = bilanRecordContextOf({
      ...stored(exampleNecLocalDossier()),
      campaignYear: 2026,
    });
    expect(context).toMatchObject({
      year: 2026,
      eventDate: '2026-10-15',
      regionCode: '52',
      departementCode: '49',
      eventMode: 'hybrid',
      porteurCategory: 'tiers-lieu',
      callKind: 'nec-local',
    });
    expect(context?.themes).toEqual([
      'digital-inclusion',
      'digital-commons',
      'Numérique et ruralité',
    ]);
    expect(context?.themeFamilies).toEqual(
      expect.arrayContaining(['inclusion-emancipation', 'commons-sovereignty']),
    );
  });

  it('falls back to the area, keeping a région only when it is the only one', () => {
    const dossier = exampleNecLocalDossier();
    const online = {
      ...dossier,
      eventMode: 'online',
      event: { startDate: dossier.event.startDate },
      area: [
        { kind: 'departement', code: '57' },
        { kind: 'departement', code: '97' + '4' },
      ],
    };
    const context = bilanRecordContextOf({ ...stored(online), campaignYear: 2026 });
    expect(context?.regionCode).toBeUndefined();
    expect(context?.departementCode).toBeUndefined();
    const single = { ...online, area: [{ kind: 'departement', code: '57' }] };
    expect(bilanRecordContextOf({ ...stored(single), campaignYear: 2026 })).toMatchObject({
      regionCode: '44',
      departementCode: '57',
    });
  });

  it('returns null for a dossier that does not read', () => {
    expect(bilanRecordContextOf({ ...stored({}), campaignYear: 2026 })).toBeNull();
  });
});
