import { isoDateSchema } from '@nec/domain';
import { z } from 'zod';
import { strictDeep } from '../common/strict-deep.js';

/** The date written on the agreement signed by both parties. */
export const recordSignatureSchema = strictDeep(z.object({ signedOn: isoDateSchema }));
export type RecordSignatureInput = z.infer<typeof recordSignatureSchema>;

/** A follow-up committee held under the agreement, and its minutes. */
export const addCommitteeSchema = strictDeep(
  z.object({
    date: isoDateSchema,
    minutes: z
      .string({ error: 'Saisissez le compte rendu du comité.' })
      .trim()
      .min(1, { error: 'Saisissez le compte rendu du comité.' })
      .max(20_000, { error: 'Limitez le compte rendu à 20 000 caractères.' }),
  }),
);
export type AddCommitteeInput = z.infer<typeof addCommitteeSchema>;
