import { type CallKind, type IsoDate, nationalEditionBilanSchema } from '@nec/domain';
import { z } from 'zod';
import { draftBodySchema, strictDeep, versionField as bilanVersionField } from '@nec/contracts';

/**
 * Request bodies of the bilan endpoints. The bilan itself is checked by the domain
 * (`necLocalBilanDraftSchema` on save, `necLocalBilanSchema` on submission).
 */
const versionMissing =
  'Indiquez la version du bilan sur laquelle vous travaillez (0 pour un bilan jamais enregistré).';
const versionField = bilanVersionField(versionMissing, 0);

/** See `draftBodySchema`: what cannot be stored is left out and listed in `unsaved`. */
export const saveBilanSchema = draftBodySchema(
  { version: versionMissing, content: 'Le contenu du bilan doit être un objet JSON.' },
  0,
);

export const submitBilanSchema = z.strictObject({ version: versionField });

/** A national edition as an admin writes it: the domain's schema, unknown keys refused at every depth. */
export const nationalEditionBodySchema = strictDeep(nationalEditionBilanSchema);

export type SaveBilanInput = z.output<typeof saveBilanSchema>;
export type SubmitBilanInput = z.infer<typeof submitBilanSchema>;
export type NationalEditionBody = z.infer<typeof nationalEditionBodySchema>;

/** Which submitted bilans `BilansRepository.listRecords` returns (every filter optional, all combined). */
export interface BilanRecordFilters {
  /** Events on or after this day (`event_date >= from`). */
  from?: IsoDate;
  /** Events on or before this day (`event_date <= to`). */
  to?: IsoDate;
  years?: number[];
  regionCode?: string;
  departementCode?: string;
  callKind?: CallKind;
}
