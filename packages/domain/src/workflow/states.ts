import { z } from 'zod';

/**
 * Every state a dossier goes through, from the first draft to the closing of its bilan.
 * The order is the usual life of a dossier; the allowed moves are in `transitions.ts`.
 */
export const dossierStates = [
  'draft',
  'submitted',
  'under-review',
  'information-requested',
  'interview',
  'accepted',
  'refused',
  'withdrawn',
  'agreement-signed',
  'event-held',
  'bilan-submitted',
  'closed',
] as const;

/** Schema of a dossier state, for the edges (API bodies, stored rows). */
export const dossierStateSchema = z.enum(dossierStates, {
  error: 'État de dossier inconnu.',
});
export type DossierState = z.infer<typeof dossierStateSchema>;

/** French label of each state, as shown to applicants and instructors. */
export const dossierStateLabels: Record<DossierState, string> = {
  draft: 'Brouillon',
  submitted: 'Déposé',
  'under-review': 'En cours d’instruction',
  'information-requested': 'Compléments demandés',
  interview: 'Entretien prévu',
  accepted: 'Accepté',
  refused: 'Refusé',
  withdrawn: 'Retiré par le porteur',
  'agreement-signed': 'Convention signée',
  'event-held': 'Événement réalisé',
  'bilan-submitted': 'Bilan déposé',
  closed: 'Clôturé',
};

/**
 * States in which ANCT is examining the dossier and has not decided yet. While a dossier is in
 * one of them, its applicant cannot delete their account (RGPD rule): the instruction needs the
 * applicant's data and a way to reach them. A draft is not sent yet; after the decision, other
 * retention rules apply and belong to the RGPD module, not here.
 */
export const underInstructionStates = [
  'submitted',
  'under-review',
  'information-requested',
  'interview',
] as const satisfies readonly DossierState[];

/** True while ANCT is examining the dossier (see `underInstructionStates`). */
export function isUnderInstruction(state: DossierState): boolean {
  return (underInstructionStates as readonly DossierState[]).includes(state);
}

/** States a dossier reaches once its grant agreement is signed. */
export const agreementSignedStates = [
  'agreement-signed',
  'event-held',
  'bilan-submitted',
  'closed',
] as const satisfies readonly DossierState[];

/** True once the agreement is signed: the signed agreement stays available from then on. */
export function hasSignedAgreement(state: DossierState): boolean {
  return (agreementSignedStates as readonly DossierState[]).includes(state);
}

/**
 * True while follow-up committees are held: from the signature of the agreement until the
 * dossier is closed. A label-only dossier has no agreement, hence no committee.
 */
export function holdsFollowUpCommittees(state: DossierState): boolean {
  return hasSignedAgreement(state) && state !== 'closed';
}
