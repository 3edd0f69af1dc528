import { territoryCodePatterns } from '@nec/domain';
import { z } from 'zod';
import { queueQuerySchema } from './instruction.js';
import { exportContentTypes, file, route } from './route.js';

/** Query strings of the export endpoints. Unknown parameters are refused (400). */

/** Exactly the instruction queue's filters and sort (same schema), without the page: every matching dossier is exported. */
export const dossierExportQuerySchema = queueQuerySchema.omit({ page: true, pageSize: true });

const yearMessage = 'Indiquez une année sur quatre chiffres.';

/** Filters of the bilans export, all optional and combined. */
export const bilanExportQuerySchema = z.strictObject({
  campaignId: z
    .string()
    .min(1, { error: 'Indiquez l’identifiant d’un appel.' })
    .max(64, { error: 'Cet appel n’existe pas (identifiant de 64 caractères au plus).' })
    .optional(),
  year: z.coerce
    .number({ error: yearMessage })
    .int({ error: yearMessage })
    .min(2000, { error: yearMessage })
    .max(2999, { error: yearMessage })
    .optional(),
  region: z
    .string()
    .regex(territoryCodePatterns.region, {
      error: 'Indiquez le code INSEE d’une région (deux chiffres).',
    })
    .optional(),
});
export type DossierExportQuery = z.infer<typeof dossierExportQuerySchema>;
export type BilanExportQuery = z.infer<typeof bilanExportQuerySchema>;

const tag = 'Exports';

export const exportRoutes = {
  dossiersCsv: route({
    method: 'GET',
    path: '/api/exports/dossiers.csv',
    summary:
      'Exporter en CSV (séparateur « ; », UTF-8 avec BOM) les dossiers de la file d’instruction, avec ses filtres et son tri',
    tag,
    query: dossierExportQuerySchema,
    status: 200,
    response: file(exportContentTypes.csv),
  }),
  dossiersXlsx: route({
    method: 'GET',
    path: '/api/exports/dossiers.xlsx',
    summary:
      'Exporter en classeur Excel les dossiers de la file d’instruction, avec ses filtres et son tri',
    tag,
    query: dossierExportQuerySchema,
    status: 200,
    response: file(exportContentTypes.xlsx),
  }),
  bilansCsv: route({
    method: 'GET',
    path: '/api/exports/bilans.csv',
    summary:
      'Exporter en CSV les bilans déposés des NEC locaux et leurs chiffres (filtres : appel, année, région)',
    tag,
    query: bilanExportQuerySchema,
    status: 200,
    response: file(exportContentTypes.csv),
  }),
  bilansXlsx: route({
    method: 'GET',
    path: '/api/exports/bilans.xlsx',
    summary:
      'Exporter en classeur Excel les bilans déposés des NEC locaux et leurs chiffres (filtres : appel, année, région)',
    tag,
    query: bilanExportQuerySchema,
    status: 200,
    response: file(exportContentTypes.xlsx),
  }),
};
