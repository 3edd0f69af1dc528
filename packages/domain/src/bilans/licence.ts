import { type z } from 'zod';
import { choice } from '../shared/fields.js';

/**
 * Licences a bilan's productions may carry. The charter asks for CC BY-SA 4.0 FR, which is the
 * default; the others are open licences, for productions whose funder imposes one.
 */
export const openLicences = ['CC-BY-SA-4.0-FR', 'CC-BY-4.0', 'CC0-1.0', 'Etalab-2.0'] as const;
export const openLicenceSchema = choice(openLicences, 'Choisissez la licence des productions.');
export type OpenLicence = z.infer<typeof openLicenceSchema>;

/** The licence named by the NEC charter, the default of every bilan. */
export const charterLicence: OpenLicence = 'CC-BY-SA-4.0-FR';

/** French labels of {@link openLicences}. */
export const openLicenceLabels: Record<OpenLicence, string> = {
  'CC-BY-SA-4.0-FR': 'Creative Commons BY-SA 4.0 FR (licence de la charte NEC)',
  'CC-BY-4.0': 'Creative Commons BY 4.0',
  'CC0-1.0': 'Creative Commons Zéro 1.0 (domaine public)',
  'Etalab-2.0': 'Licence Ouverte Etalab 2.0',
};
