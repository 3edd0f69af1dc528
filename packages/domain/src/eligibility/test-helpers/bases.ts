import amiCases from '../../calls/fixtures/ami-mediation-2021.cases.json' with { type: 'json' };
import hostCases from '../../calls/fixtures/national-host-2025.cases.json' with { type: 'json' };
import necCases from '../../calls/fixtures/nec-local-permanent.cases.json' with { type: 'json' };
import {
  type AmiDossier,
  amiDossierSchema,
  type NationalHostDossier,
  nationalHostDossierSchema,
  type NecLocalDossier,
  necLocalDossierSchema,
} from '../../dossiers/index.js';

/**
 * The base dossiers of the case fixtures, parsed by their submission schemas (so typed, and
 * proven valid), as fresh copies a test may change freely.
 */
export const necLocalBase = (): NecLocalDossier =>
  necLocalDossierSchema.parse(structuredClone(necCases.base));
export const nationalHostBase = (): NationalHostDossier =>
  nationalHostDossierSchema.parse(structuredClone(hostCases.base));
export const amiBase = (): AmiDossier => amiDossierSchema.parse(structuredClone(amiCases.base));

/** The day the base NEC local dossier is submitted in its fixture (event on 15 October 2026). */
export const necLocalBaseToday = '2026-05-04';
