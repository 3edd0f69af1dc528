import type { DossierState } from '../workflow/states.js';
import { attachmentKindLabels, attachmentKinds } from './national-host.js';

/**
 * Kinds of document a dossier's files are uploaded as: those a host application lists
 * (`attachmentKinds`), plus the budget, the answers to an information request and the photos
 * of a bilan.
 */
export const uploadKinds = [
  ...attachmentKinds,
  'budget',
  'information-answer',
  'bilan-photo',
] as const;
export type UploadKind = (typeof uploadKinds)[number];

/** French names of the upload kinds. */
export const uploadKindLabels: Record<UploadKind, string> = {
  ...attachmentKindLabels,
  budget: 'Budget détaillé',
  'information-answer': 'Réponse à une demande de compléments',
  'bilan-photo': 'Photo de l’événement (bilan)',
};

/** States in which the applicant's side may add and remove files of any kind. */
const openStates: readonly DossierState[] = ['draft', 'information-requested'];
/** States in which bilan photos may also be added: between the decision and the bilan. */
const bilanStates: readonly DossierState[] = ['accepted', 'agreement-signed', 'event-held'];

/**
 * Whether the applicant's side may add (or remove) a file of this kind to a dossier in this
 * state: while it is drafted or while ANCT waits for more information; bilan photos also
 * between the decision and the bilan. Elsewhere the file set is frozen.
 */
export function acceptsFiles(state: DossierState, kind: UploadKind): boolean {
  return openStates.includes(state) || (kind === 'bilan-photo' && bilanStates.includes(state));
}
