import fc from 'fast-check';
import { callKinds } from '../../calls/call-kinds.js';
import { eventModes } from '../../dossiers/formats.js';
import { catalogueThemes, themeFamilies } from '../../dossiers/themes.js';
import { organisationCategories } from '../../organisations/categories.js';
import { type BilanRecord } from '../bilan-record.js';
import { type NecLocalBilan } from '../local-bilan.js';

const speakersArb = fc.oneof(
  fc.nat({ max: 60 }).map((total) => ({ total })),
  fc
    .record({
      women: fc.nat({ max: 30 }),
      men: fc.nat({ max: 30 }),
      nonBinaryOrUndisclosed: fc.nat({ max: 5 }),
    })
    .map((genderSplit) => ({
      total: genderSplit.women + genderSplit.men + genderSplit.nonBinaryOrUndisclosed,
      genderSplit,
    })),
);

/** A valid, minimal NEC local bilan with random figures. */
export const bilanArb: fc.Arbitrary<NecLocalBilan> = fc
  .record({
    attendees: fc.nat({ max: 2_000 }),
    structuresRepresented: fc.nat({ max: 300 }),
    speakers: speakersArb,
    workshops: fc.nat({ max: 20 }),
    discoveryStands: fc.nat({ max: 20 }),
    expensesCents: fc.nat({ max: 5_000_000 }),
    subsidyCents: fc.option(fc.nat({ max: 500_000 }), { nil: undefined }),
    resources: fc.subarray([
      { kind: 'video' as const, url: 'https://video.example.org/nec' },
      { kind: 'les-bases' as const, url: 'https://lesbases.anct.gouv.fr/ressources/nec' },
    ]),
  })
  .map(({ workshops, discoveryStands, expensesCents, subsidyCents, ...rest }) => ({
    ...rest,
    formats: { workshops, discoveryStands, others: [] },
    budget: subsidyCents === undefined ? { expensesCents } : { expensesCents, subsidyCents },
    improvements: { fromPublic: [], fromOrganisers: [] },
    team: [],
    licence: 'CC-BY-SA-4.0-FR' as const,
  }));

const freeThemes = ['Jeux vidéo', 'santé', 'Illettrisme'] as const;

/** A valid bilan record; région and département are sometimes absent. */
export const recordArb: fc.Arbitrary<BilanRecord> = fc.record(
  {
    id: fc.uuid(),
    year: fc.integer({ min: 2019, max: 2026 }),
    eventDate: fc
      .date({ min: new Date('2019-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
    regionCode: fc.option(fc.constantFrom('11', '44', '84', '93', '971'), { nil: undefined }),
    departementCode: fc.option(fc.constantFrom('13', '2A', '57', '69', '974'), { nil: undefined }),
    themes: fc.uniqueArray(fc.constantFrom(...catalogueThemes, ...freeThemes), { maxLength: 3 }),
    themeFamilies: fc.uniqueArray(fc.constantFrom(...themeFamilies), { maxLength: 2 }),
    eventMode: fc.constantFrom(...eventModes),
    porteurCategory: fc.constantFrom(...organisationCategories),
    callKind: fc.constantFrom(...callKinds),
    bilan: bilanArb,
  },
  {
    requiredKeys: [
      'id',
      'year',
      'eventDate',
      'themes',
      'themeFamilies',
      'eventMode',
      'porteurCategory',
      'callKind',
      'bilan',
    ],
  },
);

/** Up to 30 records. */
export const recordsArb = fc.array(recordArb, { maxLength: 30 });
