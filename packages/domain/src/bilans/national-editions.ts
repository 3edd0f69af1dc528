import { type NationalEditionBilan } from './national-edition.js';

const noFigures = {
  present: null,
  speakers: null,
  speakersIncludeContributors: false,
  contributors: null,
  countries: null,
  onlineViewers: null,
  registeredOnline: null,
  tracks: null,
} as const satisfies Partial<NationalEditionBilan>;

/**
 * The national editions of Numérique en Commun[s] and their published figures (the NEC
 * site's list of editions; seed 003). `null` means « not published ».
 *
 * - 2018: the 120 counts speakers and contributors together (`speakersIncludeContributors`).
 * - 2020: online only; 62 contributors, 6 online tracks, 2,600 registered, 4,000 followed live.
 * - 2023: the site lists 260 speakers; the 2025 host call (seed 002) rounds it to « 300
 *   intervenants ». We keep the edition's own published figure, 260.
 * - 2024 (Chambéry): announced, no figures published yet, so every figure is `null` and the
 *   venue is unknown. Totals skip it; {@link hasPublishedFigures} tells it apart.
 */
export const nationalEditions: readonly NationalEditionBilan[] = [
  {
    ...noFigures,
    year: 2018,
    city: 'Nantes',
    venues: [],
    venuesCount: 3,
    online: false,
    present: 850,
    speakers: 120,
    speakersIncludeContributors: true,
  },
  {
    ...noFigures,
    year: 2019,
    city: 'Marseille',
    venues: [],
    venuesCount: 4,
    online: false,
    present: 800,
    speakers: 80,
  },
  {
    ...noFigures,
    year: 2020,
    city: 'Lyon',
    venues: [],
    venuesCount: 0,
    online: true,
    contributors: 62,
    registeredOnline: 2600,
    tracks: 6,
    onlineViewers: 4000,
  },
  {
    ...noFigures,
    year: 2021,
    city: 'Sud Charente',
    venues: ['Château de la Mercerie'],
    venuesCount: 1,
    online: false,
    present: 400,
    speakers: 60,
    onlineViewers: 5000,
  },
  {
    ...noFigures,
    year: 2022,
    city: 'Lens',
    venues: ['Stade Bollaert'],
    venuesCount: 1,
    online: false,
    present: 1800,
    speakers: 228,
    onlineViewers: 6000,
  },
  {
    ...noFigures,
    year: 2023,
    city: 'Bordeaux',
    venues: ['Palais de la Bourse'],
    venuesCount: 1,
    online: false,
    present: 2000,
    speakers: 260,
    countries: 12,
  },
  { ...noFigures, year: 2024, city: 'Chambéry', venues: [], venuesCount: null, online: false },
];
