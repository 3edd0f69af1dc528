import { availableEvents, type DossierState } from '@nec/domain';

/**
 * What comes next for a dossier, in a few words, as the list of « Mes dossiers » shows it. The
 * dossier's own page says it in full and offers the action (`NextStep.vue`).
 */
export const nextStepLabels: Record<DossierState, string> = {
  draft: 'Compléter puis déposer le dossier',
  submitted: 'Attendre sa prise en instruction',
  'under-review': 'Examen en cours par l’ANCT',
  'information-requested': 'Répondre à la demande de compléments',
  interview: 'Se préparer à l’entretien',
  accepted: 'Préparer l’événement, puis le déclarer réalisé',
  'agreement-signed': 'Préparer l’événement, puis le déclarer réalisé',
  'event-held': 'Rédiger et déposer le bilan',
  'bilan-submitted': 'Attendre la clôture par l’ANCT',
  refused: 'Aucune',
  withdrawn: 'Aucune',
  closed: 'Aucune',
};

/** Where a dossier opens from the list: its form while a draft, its follow-up page after. */
export function dossierPath(dossier: { id: string; state: DossierState }): string {
  return dossier.state === 'draft' ? `/dossiers/${dossier.id}/projet` : `/dossiers/${dossier.id}`;
}

/**
 * Whether the applicant has something to do (highlighted in the list): the domain's workflow
 * lets them move the dossier on from this state. Withdrawing is always open until the decision,
 * an option rather than a task, so it does not count.
 */
export function awaitsApplicant(state: DossierState): boolean {
  return availableEvents(state, 'applicant').some((event) => event !== 'withdraw');
}
