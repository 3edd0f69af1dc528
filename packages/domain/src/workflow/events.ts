import { z } from 'zod';

/** Everything that can happen to a dossier; each one moves it along `transitions`. */
export const workflowEvents = [
  'submit',
  'take-for-review',
  'request-information',
  'answer-information',
  'schedule-interview',
  'accept',
  'refuse',
  'withdraw',
  'sign-agreement',
  'mark-event-held',
  'submit-bilan',
  'close',
] as const;

/** Schema of a workflow event, for the edges (API bodies, audit rows). */
export const workflowEventSchema = z.enum(workflowEvents, { error: 'Action inconnue.' });
export type WorkflowEvent = z.infer<typeof workflowEventSchema>;

/** French label of each event, written as the action a button performs. */
export const workflowEventLabels: Record<WorkflowEvent, string> = {
  submit: 'Déposer le dossier',
  'take-for-review': 'Prendre le dossier en instruction',
  'request-information': 'Demander des compléments',
  'answer-information': 'Répondre à la demande de compléments',
  'schedule-interview': 'Proposer un entretien',
  accept: 'Accepter le dossier',
  refuse: 'Refuser le dossier',
  withdraw: 'Retirer la candidature',
  'sign-agreement': 'Enregistrer la signature de la convention',
  'mark-event-held': 'Déclarer l’événement réalisé',
  'submit-bilan': 'Déposer le bilan',
  close: 'Clôturer le dossier',
};
