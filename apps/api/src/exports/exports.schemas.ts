import { territoryCodePatterns } from '@nec/domain';
import { z } from 'zod';
import { queueQuerySchema } from '../instruction/instruction.schemas.js';

/** Query strings of the export endpoints. Unknown parameters are refused (400). */

/** Exactly the instruction queue's filters and sort (same schema), without the page: every matching dossier is exported. */
export const dossierExportQuerySchema = queueQuerySchema.omit({ page: true, pageSize: true });
export type DossierExportQuery = z.infer<typeof dossierExportQuerySchema>;

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
export type BilanExportQuery = z.infer<typeof bilanExportQuerySchema>;
