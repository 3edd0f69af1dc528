import { isKnownTerritory } from './lookup.js';
import { territoryRefSchema } from './territory-ref.js';

/**
 * A territory reference whose code must exist in the official reference data (after the syntax
 * check of territoryRefSchema). Use it where an applicant's area is submitted.
 */
export const knownTerritoryRefSchema = territoryRefSchema.refine(isKnownTerritory, {
  path: ['code'],
  error:
    'Nous ne trouvons pas ce territoire dans le découpage administratif officiel : ' +
    'vérifiez le code ou choisissez le territoire dans la liste proposée.',
});
