import { z } from 'zod';
import { workflowEventSchema } from './events.js';
import { requirementIdSchema } from './requirements.js';
import { roleSchema, type Role } from './roles.js';
import { dossierStateSchema, type DossierState } from './states.js';

/**
 * One edge family of the graph: `event` moves a dossier from any state of `from` to `to`, when
 * fired by one of `roles` and every requirement holds. An event may appear in several entries
 * (with different `from`) when its requirements differ by origin.
 */
export const transitionSchema = z.object({
  event: workflowEventSchema,
  from: z.array(dossierStateSchema).min(1),
  to: dossierStateSchema,
  roles: z.array(roleSchema).min(1),
  requires: z.array(requirementIdSchema).optional(),
});
export type Transition = z.infer<typeof transitionSchema>;

const staff: Role[] = ['instructor', 'admin'];

/** The instruction workflow, as data. The functions in `machine.ts` only read this table. */
export const transitions: readonly Transition[] = [
  {
    event: 'submit',
    from: ['draft'],
    to: 'submitted',
    roles: ['applicant'],
    requires: ['charter-accepted', 'submission-valid'],
  },
  { event: 'take-for-review', from: ['submitted'], to: 'under-review', roles: staff },
  {
    event: 'request-information',
    from: ['under-review'],
    to: 'information-requested',
    roles: staff,
    requires: ['information-message', 'information-due-date'],
  },
  {
    event: 'answer-information',
    from: ['information-requested'],
    to: 'under-review',
    roles: ['applicant'],
  },
  {
    event: 'schedule-interview',
    from: ['under-review'],
    to: 'interview',
    roles: staff,
    requires: ['interview-date'],
  },
  {
    event: 'accept',
    from: ['under-review', 'interview'],
    to: 'accepted',
    roles: staff,
    requires: ['awarded-amount-valid'],
  },
  {
    // Also from information-requested: otherwise an applicant who never answers would leave
    // the dossier stuck, with no way for ANCT to conclude.
    event: 'refuse',
    from: ['under-review', 'information-requested', 'interview'],
    to: 'refused',
    roles: staff,
    requires: ['refusal-reason'],
  },
  {
    event: 'withdraw',
    from: ['draft', 'submitted', 'under-review', 'information-requested', 'interview'],
    to: 'withdrawn',
    roles: ['applicant'],
  },
  {
    event: 'sign-agreement',
    from: ['accepted'],
    to: 'agreement-signed',
    roles: staff,
    requires: ['subsidy-awarded'],
  },
  {
    event: 'mark-event-held',
    from: ['agreement-signed'],
    to: 'event-held',
    roles: ['applicant', ...staff],
    requires: ['event-over'],
  },
  {
    // A label-only dossier has no agreement to sign, so it goes straight to the event.
    event: 'mark-event-held',
    from: ['accepted'],
    to: 'event-held',
    roles: ['applicant', ...staff],
    requires: ['label-only', 'event-over'],
  },
  {
    event: 'submit-bilan',
    from: ['event-held'],
    to: 'bilan-submitted',
    roles: ['applicant'],
    requires: ['event-over'],
  },
  { event: 'close', from: ['bilan-submitted'], to: 'closed', roles: staff },
];

/** The entry that lets `event` leave `state`, if any (at most one, checked by the tests). */
export function findTransition(
  state: DossierState,
  event: string,
  table: readonly Transition[] = transitions,
): Transition | undefined {
  return table.find((t) => t.event === event && t.from.includes(state));
}
