import {
  addDays,
  catalogueThemeLabels,
  catalogueThemes,
  charterLicence,
  exampleNecLocalDossier,
  luhnCheckDigit,
  recordThemeFamilies,
  type BilanRecord,
  type CatalogueTheme,
  type EventMode,
  type IsoDate,
  type NecLocalBilan,
  type NecLocalDossier,
  type OrganisationCategory,
  type ThemeFamily,
} from '../index.js';
import { listDepartements } from '../territories/index.js';

/**
 * A fictitious history of NEC locals (2019 to now, about fifteen a year as the programme holds),
 * each an accepted dossier whose event took place and whose bilan was submitted. Everything is
 * invented and says so (« … fictif n° 12 de Gironde »); the generator is deterministic (a seeded
 * PRNG), so the demo, the tests and the bench get the same figures for the same seed.
 */

/** A structure of the history (several events may share one). */
export interface HistoryOrganisation {
  key: number;
  name: string;
  category: OrganisationCategory;
  siret: string;
  siren: string;
}

/** One past NEC local: its dossier's facts and its submitted bilan. */
export interface HistoryEvent {
  /** 1-based position in the generated list. */
  index: number;
  organisation: HistoryOrganisation;
  title: string;
  /** Campaign year (the year of `eventDate`). */
  year: number;
  eventDate: IsoDate;
  /** Absent for an online event with no single territory. */
  regionCode?: string;
  departementCode?: string;
  eventMode: EventMode;
  catalogueThemes: CatalogueTheme[];
  freeThemes: string[];
  /** `BilanRecord.themes`: catalogue then free themes, each once. */
  themes: string[];
  /** `recordThemeFamilies` of the record. */
  themeFamilies: ThemeFamily[];
  /** The subsidy awarded at acceptance, `null` for a label-only event. */
  awardedAmountCents: number | null;
  bilan: NecLocalBilan;
}

export interface HistoryOptions {
  /** First year of the history (2019 by default). */
  firstYear?: number;
  /** No event after this day (the last year's events stop a week before it); 2025-12-31 by default. */
  until?: IsoDate;
}

/** mulberry32: a tiny deterministic PRNG, good enough for demo data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = ReturnType<typeof prng>;
const between = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = random() * total;
  for (const [value, weight] of table) {
    draw -= weight;
    if (draw < 0) return value;
  }
  return table[table.length - 1]![0];
}

const porteurCategories: readonly (readonly [OrganisationCategory, number])[] = [
  ['association', 30],
  ['tiers-lieu', 20],
  ['commune', 12],
  ['epci', 12],
  ['departement', 5],
  ['cooperative', 6],
  ['etablissement-public', 5],
  ['syndicat-mixte', 3],
  ['region', 2],
  ['entreprise', 2],
];

/** How a fictitious structure of each category is named. */
const namePrefixes: Partial<Record<OrganisationCategory, string>> = {
  association: 'Association fictive',
  'tiers-lieu': 'Tiers-lieu fictif',
  commune: 'Commune fictive',
  epci: 'Communauté de communes fictive',
  departement: 'Service départemental fictif',
  cooperative: 'Coopérative fictive',
  'etablissement-public': 'Établissement public fictif',
  'syndicat-mixte': 'Syndicat mixte fictif',
  region: 'Service régional fictif',
  entreprise: 'Entreprise fictive',
};

/** Free themes, some with accents and capitals so that sorting by code unit is exercised. */
const freeThemeChoices = [
  'Numérique et ruralité',
  'Éducation aux médias',
  'IA et services publics',
  'Réemploi du matériel informatique',
  'jeunesse et écrans',
  'Cartographie participative',
] as const;

const eventModes: readonly (readonly [EventMode, number])[] = [
  ['in-person', 70],
  ['hybrid', 20],
  ['online', 10],
];

/** A fictitious SIRET whose SIREN and SIRET both pass the Luhn check (prefix 88, never a real range we use). */
function fictitiousSiret(key: number): { siren: string; siret: string } {
  const sirenBase = `88${String(key).padStart(6, '0')}`;
  const siren = `${sirenBase}${luhnCheckDigit(sirenBase) ?? '0'}`;
  const siretBase = `${siren}0001`;
  return { siren, siret: `${siretBase}${luhnCheckDigit(siretBase) ?? '0'}` };
}

/**
 * `count` fictitious past NEC locals, spread evenly over the years from `firstYear` to the year
 * of `until`, from the same `seed` always the same. Structures are shared (about three events
 * each, in their own département, outre-mer included); audiences 60–400, budgets 3–30 k€, a
 * subsidy of 2,500–5,000 € within 80 % of the expenses for most, none for some (label only),
 * and a bilan valid for `necLocalBilanSchema`.
 */
export function generateBilanHistory(
  count: number,
  seed: number,
  options: HistoryOptions = {},
): HistoryEvent[] {
  const firstYear = options.firstYear ?? 2019;
  const until = options.until ?? '2025-12-31';
  const lastYear = Math.max(firstYear, Number(until.slice(0, 4)));
  const years = lastYear - firstYear + 1;
  const random = prng(seed);
  // Traits added later (all-male panels, Les Bases) draw from their own stream, so that every
  // figure drawn before them stays as it was for the same seed.
  const later = prng(seed ^ 0x5bd1e995);
  const departements = listDepartements().filter(
    (d) => d.code.length === 2 || /^97[1-6]$/.test(d.code),
  );
  const organisations = new Map<
    number,
    HistoryOrganisation & { departement: (typeof departements)[number] }
  >();
  const poolSize = Math.max(5, Math.ceil(count / 3));

  const organisationOf = (key: number) => {
    const known = organisations.get(key);
    if (known) return known;
    const category = weighted(random, porteurCategories);
    const departement = pick(random, departements);
    const made = {
      key,
      name: `${namePrefixes[category] ?? 'Structure fictive'} n° ${key} de ${departement.name}`,
      category,
      ...fictitiousSiret(key),
      departement,
    };
    organisations.set(key, made);
    return made;
  };

  const events: HistoryEvent[] = [];
  for (let i = 0; i < count; i += 1) {
    const year = firstYear + Math.floor((i * years) / count);
    const firstDay: IsoDate = `${year}-02-01`;
    const lastDay: IsoDate = year === lastYear ? addDays(until, -7) : `${year}-12-15`;
    const span = Math.max(0, Math.round((Date.parse(lastDay) - Date.parse(firstDay)) / 86_400_000));
    const eventDate = addDays(firstDay, between(random, 0, span));
    const { departement: home, ...organisation } = organisationOf(between(random, 1, poolSize));
    const eventMode = weighted(random, eventModes);
    const nowhere = eventMode === 'online' && random() < 0.4;
    const regionOnly = !nowhere && random() < 0.05;

    const catalogue = [
      ...new Set(
        Array.from({ length: between(random, 1, 3) }, () => pick(random, catalogueThemes)),
      ),
    ];
    const free = random() < 0.35 ? [pick(random, freeThemeChoices)] : [];
    const themes = [...new Set<string>([...catalogue, ...free])];

    const attendees = Math.round(60 + 340 * random() ** 1.6);
    const structures = Math.max(3, Math.round(attendees * (0.15 + 0.35 * random())));
    const speakers = between(random, 4, 30);
    const withSplit = random() < (year >= 2021 ? 0.85 : 0.5);
    const undisclosed = withSplit ? between(random, 0, Math.min(2, speakers)) : 0;
    const drawnWomen = withSplit
      ? Math.round((speakers - undisclosed) * (0.3 + 0.3 * random()))
      : 0;
    // Some events still had no woman on stage (fewer as the years go by), which the charter forbids.
    const allMale = later() < (year <= 2021 ? 0.12 : 0.06);
    const women = allMale ? 0 : drawnWomen;
    // More and more events publish what they produced on Les Bases.
    const onLesBases = later() < Math.min(0.7, 0.2 + 0.08 * (year - 2019));
    const expensesCents = between(random, 3_000, 30_000) * 100 + between(random, 0, 99);
    const subsidised = random() < 0.85;
    const cap = Math.floor(expensesCents * 0.8);
    const awardedAmountCents =
      subsidised && cap >= 250_000 ? Math.min(cap, between(random, 50, 100) * 5_000) : null;
    const subsidyReport = random();
    const expectedMin = Math.max(50, Math.round((attendees * (0.7 + 0.3 * random())) / 10) * 10);

    const bilan: NecLocalBilan = {
      expectedAttendees: { min: expectedMin, max: expectedMin + between(random, 2, 10) * 10 },
      attendees,
      structuresRepresented: structures,
      speakers: withSplit
        ? {
            total: speakers,
            genderSplit: {
              women,
              men: speakers - undisclosed - women,
              nonBinaryOrUndisclosed: undisclosed,
            },
          }
        : { total: speakers },
      formats: {
        workshops: between(random, 0, 12),
        discoveryStands: between(random, 0, 10),
        ...(random() < 0.7
          ? { plenaries: between(random, 0, 2), roundTables: between(random, 0, 3) }
          : {}),
        others: [],
      },
      budget: {
        expensesCents,
        resourcesCents: expensesCents,
        // Most report the subsidy received; some older bilans leave it out (not reported).
        ...(awardedAmountCents !== null
          ? subsidyReport < 0.9
            ? { subsidyCents: awardedAmountCents }
            : {}
          : subsidyReport < 0.5
            ? { subsidyCents: 0 }
            : {}),
      },
      improvements: { fromPublic: [], fromOrganisers: [] },
      team: [],
      resources: onLesBases
        ? [
            {
              kind: 'les-bases',
              url: `https://lesbases.anct.gouv.fr/ressources/nec-local-${year}-${i + 1}`,
            },
          ]
        : [],
      licence: charterLicence,
    };

    events.push({
      index: i + 1,
      organisation,
      title: `NEC local fictif n° ${i + 1} — ${catalogueThemeLabels[catalogue[0] ?? 'digital-inclusion']} (${home.name}, ${year})`,
      year,
      eventDate,
      ...(nowhere ? {} : { regionCode: home.regionCode }),
      ...(nowhere || regionOnly ? {} : { departementCode: home.code }),
      eventMode,
      catalogueThemes: catalogue,
      freeThemes: free,
      themes,
      themeFamilies: recordThemeFamilies({ themes, themeFamilies: [] }),
      awardedAmountCents,
      bilan,
    });
  }
  return events;
}

/** The event as the domain's `BilanRecord` (what `aggregateBilans` takes). */
export function historyRecord(event: HistoryEvent, id = `history-${event.index}`): BilanRecord {
  return {
    id,
    year: event.year,
    eventDate: event.eventDate,
    ...(event.regionCode !== undefined ? { regionCode: event.regionCode } : {}),
    ...(event.departementCode !== undefined ? { departementCode: event.departementCode } : {}),
    themes: event.themes,
    themeFamilies: event.themeFamilies,
    eventMode: event.eventMode,
    porteurCategory: event.organisation.category,
    callKind: 'nec-local',
    bilan: event.bilan,
  };
}

/** The dossier the event was accepted on: the domain's example, carried by the fictitious structure. */
export function historyDossierContent(event: HistoryEvent): NecLocalDossier {
  const { charterAcceptance: _fromTheTable, ...example } = exampleNecLocalDossier();
  const { venue: _elsewhere, ...exampleEvent } = example.event;
  // The ANCT line of the budget is the subsidy awarded (none for a label-only event); own funds
  // make up the difference, so the budget stays balanced.
  const awarded = event.awardedAmountCents ?? 0;
  const anctLine =
    example.budget.resources.find((line) => line.kind === 'anct-subsidy')?.amountCents ?? 0;
  const resources = example.budget.resources
    .filter((line) => line.kind !== 'anct-subsidy' || awarded > 0)
    .map((line) => {
      if (line.kind === 'anct-subsidy') return { ...line, amountCents: awarded };
      if (line.kind === 'own-funds')
        return {
          ...line,
          label: 'Fonds propres de la structure',
          amountCents: line.amountCents + anctLine - awarded,
        };
      return line;
    });
  const place = event.departementCode
    ? `département ${event.departementCode}`
    : event.regionCode
      ? `région ${event.regionCode}`
      : 'en ligne';
  return {
    ...example,
    title: event.title,
    themes: { ...example.themes, catalogue: event.catalogueThemes, free: event.freeThemes },
    area: event.departementCode
      ? [{ kind: 'departement', code: event.departementCode }]
      : event.regionCode
        ? [{ kind: 'region', code: event.regionCode }]
        : example.area,
    // A subsidised event announced at least the call's 150 attendees.
    audiences: {
      ...example.audiences,
      expectedAttendees: Math.max(
        awarded > 0 ? 150 : 0,
        event.bilan.expectedAttendees?.max ?? event.bilan.attendees,
      ),
    },
    organisers: [
      {
        name: event.organisation.name,
        siret: event.organisation.siret,
        category: event.organisation.category,
        role: 'lead',
        supportsEvent: true,
      },
      ...example.organisers.filter((o) => o.role !== 'lead'),
    ],
    eventMode: event.eventMode,
    event: {
      ...exampleEvent,
      startDate: event.eventDate,
      ...(event.eventMode === 'online'
        ? {}
        : {
            venue: {
              name: `Salle fictive n° ${event.index}`,
              address: `1 place fictive (${place})`,
              capacity: Math.ceil((event.bilan.attendees * 1.5) / 10) * 10,
            },
          }),
    },
    budget: { ...example.budget, resources },
    requests: {
      ...example.requests,
      subsidy:
        event.awardedAmountCents !== null
          ? { requested: true, amountCents: event.awardedAmountCents }
          : { requested: false },
    },
  };
}

/** About fifteen NEC locals a year, as the programme holds (the demo seed's pace). */
export const historyEventsPerYear = 15;
