import { type BilanRecord } from './bilan-record.js';
import { type NecLocalBilan } from './local-bilan.js';

/**
 * The bilan of NEC Metz 2023, the model local bilan of the organisation guide (seed 001),
 * figures only. What the guide does not publish is left out rather than guessed:
 * - the gender split of the 15 speakers, and the number of plenaries and round tables;
 * - the split of the 14 k€ « budget » into resources and subsidy: it is recorded as expenses;
 * - counts for the origin of the public (only « mostly professionals ») and for the survey
 *   (only an overall reading, the most appreciated activities and an unweighted word cloud,
 *   spelling normalised); no least-appreciated activity is named.
 * Improvement points are paraphrased. No production link is listed in the guide.
 */
export const metz2023Bilan: NecLocalBilan = {
  expectedAttendees: { min: 150, max: 250 },
  attendees: 181,
  structuresRepresented: 71,
  speakers: { total: 15 },
  formats: { workshops: 4, discoveryStands: 5, others: [] },
  budget: { expensesCents: 1_400_000 },
  publicOrigin: { majority: 'professionals' },
  satisfaction: {
    overallSummary: 'Impression d’ensemble plutôt positive (pas de décompte publié).',
    mostAppreciated: [
      'Stands découverte',
      'Ateliers professionnels',
      'Regard croisé Danemark, Luxembourg, France',
    ],
    leastAppreciated: [],
    evokedWordsPrompt: 'Qu’évoque pour vous l’inclusion numérique ?',
    evokedWords: [
      'Enjeu',
      'Essentiel',
      'Inclusion',
      'Changement',
      'Opportunité',
      'Défi',
      'Évolution sociétale',
      'Rassuré',
      'Paradigme',
      'Priorité',
      'Engagé',
      'Accessibilité',
      'Solidarité',
      'Ampleur du problème',
      'Émancipation',
    ].map((word) => ({ word })),
  },
  improvements: {
    fromPublic: [
      'Mieux signaler le stationnement.',
      'Servir à nouveau boissons et café l’après-midi.',
    ],
    fromOrganisers: [
      'Réserver du temps pour mettre en place une inscription en ligne simple.',
      'Prévoir et caler à l’avance les créneaux d’interviews et de tournage vidéo.',
      'Le grand public est peu venu : deux parcours le même jour se concilient mal, envisager une communication distincte pour chacun.',
    ],
  },
  team: [
    { role: 'reception', count: 3 },
    { role: 'speaker-care', count: 3 },
    { role: 'floor', count: 7 },
    { role: 'supervision', count: 1 },
    { role: 'technical', count: 3 },
    { role: 'video', count: 2 },
  ],
  preparation: {
    steeringCommittees: 3,
    partnerMeetings: 10,
    topicMeetings: 20,
    speakerMeetings: 60,
    steeringCommitteeMonthsBefore: [5, 3, 1],
  },
  resources: [],
  licence: 'CC-BY-SA-4.0-FR',
};

/**
 * The context of NEC Metz 2023 that a {@link BilanRecord} needs besides the bilan. The guide
 * gives the month (October 2023) but not the day, so there is no `eventDate`: a caller building
 * a record picks the date. Moselle (57) in Grand Est (44); the porteur is the city (a commune),
 * the theme digital inclusion, the event in person at the Bliida.
 */
export const metz2023Context: Omit<BilanRecord, 'id' | 'eventDate' | 'bilan'> & {
  /** `YYYY-MM`: the only date precision the guide gives. */
  eventMonth: string;
  venueName: string;
} = {
  year: 2023,
  eventMonth: '2023-10',
  venueName: 'Bliida',
  regionCode: '44',
  departementCode: '57',
  themes: ['digital-inclusion'],
  themeFamilies: [],
  eventMode: 'in-person',
  porteurCategory: 'commune',
  callKind: 'nec-local',
};
