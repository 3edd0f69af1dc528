import { type BilanRecord } from '../bilan-record.js';
import { type NecLocalBilan } from '../local-bilan.js';

type Figures = {
  attendees: number;
  expensesCents: number;
  structures?: number;
  speakers?: number | { women: number; men: number; other: number };
  workshops?: number;
  discoveryStands?: number;
  subsidyCents?: number;
  /** Links its productions on Les Bases (a resource link of kind `les-bases`). */
  lesBases?: boolean;
};

/** A complete bilan with the given figures and empty everything else. */
export function bilanWith(figures: Figures): NecLocalBilan {
  const { speakers = 0 } = figures;
  return {
    attendees: figures.attendees,
    structuresRepresented: figures.structures ?? 0,
    speakers:
      typeof speakers === 'number'
        ? { total: speakers }
        : {
            total: speakers.women + speakers.men + speakers.other,
            genderSplit: {
              women: speakers.women,
              men: speakers.men,
              nonBinaryOrUndisclosed: speakers.other,
            },
          },
    formats: {
      workshops: figures.workshops ?? 0,
      discoveryStands: figures.discoveryStands ?? 0,
      others: [],
    },
    budget:
      figures.subsidyCents === undefined
        ? { expensesCents: figures.expensesCents }
        : { expensesCents: figures.expensesCents, subsidyCents: figures.subsidyCents },
    improvements: { fromPublic: [], fromOrganisers: [] },
    team: [],
    resources: figures.lesBases
      ? [
          {
            kind: 'les-bases',
            url: `https://lesbases.anct.gouv.fr/ressources/bilan-${figures.attendees}`,
          },
        ]
      : [],
    licence: 'CC-BY-SA-4.0-FR',
  };
}

/** A NEC local record in 2023 with the given overrides. */
export function recordWith(
  id: string,
  figures: Figures,
  overrides: Partial<Omit<BilanRecord, 'bilan'>> = {},
): BilanRecord {
  return {
    id,
    year: 2023,
    eventDate: '2023-10-12',
    themes: [],
    themeFamilies: [],
    eventMode: 'in-person',
    porteurCategory: 'commune',
    callKind: 'nec-local',
    bilan: bilanWith(figures),
    ...overrides,
  };
}
