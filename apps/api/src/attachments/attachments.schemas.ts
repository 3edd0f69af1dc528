import { attachmentKinds, type DossierState } from '@nec/domain';
import { z } from 'zod';

/**
 * Kinds of uploaded document. The domain's `attachmentKinds` (the national host application
 * refers to its files by these) plus the kinds the other steps need. To move to the domain as a
 * general list with its French labels (see the report of issue 5).
 */
export const uploadKinds = [
  ...attachmentKinds,
  'budget',
  'information-answer',
  'bilan-photo',
] as const;
export type UploadKind = (typeof uploadKinds)[number];

/** The multipart text fields sent with the file. */
export const uploadFieldsSchema = z.strictObject({
  kind: z.enum(uploadKinds, { error: 'Indiquez le type de document.' }),
});
export type UploadFields = z.infer<typeof uploadFieldsSchema>;

/**
 * When the applicant side may add (and remove) a file of a kind: while the dossier is drafted
 * or while ANCT waits for more information; bilan photos also between the decision and the
 * bilan. Elsewhere the file set is frozen.
 */
const openStates: readonly DossierState[] = ['draft', 'information-requested'];
const bilanStates: readonly DossierState[] = ['accepted', 'agreement-signed', 'event-held'];

export function acceptsFiles(state: DossierState, kind: UploadKind): boolean {
  return openStates.includes(state) || (kind === 'bilan-photo' && bilanStates.includes(state));
}
