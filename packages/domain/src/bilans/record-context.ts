import { findCommune, findTerritory } from '../territories/lookup.js';
import { type NecLocalDossier } from '../dossiers/nec-local.js';
import { recordThemeFamilies, type BilanRecord } from './bilan-record.js';
import { submittedNecLocalOf, type StoredDossier } from './from-dossier.js';

/*
 * The reporting context of a bilan needs the territories' reference data (to place the event in
 * a région and a département): it is exported by `@nec/domain/territories`, not the main entry,
 * so that a browser importing the dossier schemas does not pull the 860 KB table.
 */

/** A single value, or undefined when the set holds none or several. */
function single(values: Iterable<string>): string | undefined {
  const distinct = [...new Set(values)];
  return distinct.length === 1 ? distinct[0] : undefined;
}

/**
 * Where the event took place, for reporting: the venue's commune when there is one, else the
 * area the dossier covers; a région (département) only when it is the only one.
 */
function placeOf(dossier: NecLocalDossier): Pick<BilanRecord, 'regionCode' | 'departementCode'> {
  const venueCommune = dossier.event.venue?.communeCode;
  const commune = venueCommune ? findCommune(venueCommune) : undefined;
  if (commune) return { regionCode: commune.regionCode, departementCode: commune.departementCode };
  const territories = dossier.area.flatMap((ref) => findTerritory(ref) ?? []);
  return {
    regionCode: single(territories.flatMap((t) => t.regionCodes)),
    departementCode: single(territories.flatMap((t) => t.departementCodes)),
  };
}

/** The context of a `BilanRecord` for a dossier (all but `id` and `bilan`), or null when the dossier does not read. */
export function bilanRecordContextOf(
  dossier: StoredDossier & { campaignYear: number },
): Omit<BilanRecord, 'id' | 'bilan'> | null {
  const planned = submittedNecLocalOf(dossier);
  // The porteur is the lead organiser, which a submitted dossier always names.
  const lead = planned?.organisers.find((organiser) => organiser.role === 'lead');
  if (!planned || !lead) return null;
  const themes = [...new Set([...planned.themes.catalogue, ...planned.themes.free])];
  const place = placeOf(planned);
  return {
    year: dossier.campaignYear,
    eventDate: planned.event.startDate,
    ...(place.regionCode !== undefined ? { regionCode: place.regionCode } : {}),
    ...(place.departementCode !== undefined ? { departementCode: place.departementCode } : {}),
    themes,
    themeFamilies: recordThemeFamilies({ themes, themeFamilies: [] }),
    eventMode: planned.eventMode,
    porteurCategory: lead.category,
    callKind: dossier.callKind,
  };
}
