import { err, ok, type Result } from '../shared/result.js';
import type { TransitionContext } from './context.js';
import { workflowEventLabels, type WorkflowEvent } from './events.js';
import { requirementMessages, unmetRequirements, type RequirementId } from './requirements.js';
import { roleLabels, type Role } from './roles.js';
import { dossierStateLabels, dossierStates, type DossierState } from './states.js';
import { findTransition, transitions } from './transitions.js';

/** A move that happened: what `applyTransition` returns on success. */
export interface AppliedTransition {
  from: DossierState;
  to: DossierState;
  event: WorkflowEvent;
}

/** Why a move was refused, as data; `message` is French and may be shown as is. */
export type TransitionError =
  | { code: 'illegal-transition'; message: string }
  | { code: 'forbidden-role'; message: string }
  | {
      code: 'requirement-not-met';
      message: string;
      /** The first unmet requirement; `unmet` lists them all, in the table's order. */
      requirement: RequirementId;
      unmet: RequirementId[];
    };

const canFire = (role: string, roles: readonly Role[]) =>
  (roles as readonly string[]).includes(role);

/** The transitions that leave `state` and that `role` may fire, requirements aside. */
function outgoing(state: DossierState, role: Role) {
  return transitions.filter((t) => t.from.includes(state) && canFire(role, t.roles));
}

/**
 * The states `role` can move a dossier to from `state` in one step, ignoring requirements
 * (use `availableEvents` with a context to know what is possible right now).
 */
export function nextStates(state: DossierState, role: Role): DossierState[] {
  return [...new Set(outgoing(state, role).map((t) => t.to))];
}

/**
 * The events `role` may fire from `state`. With a context, only those whose requirements are
 * met; without, every event the graph and the role allow (e.g. to list the buttons to show).
 */
export function availableEvents(
  state: DossierState,
  role: Role,
  context?: TransitionContext,
): WorkflowEvent[] {
  return outgoing(state, role)
    .filter((t) => !context || unmetRequirements(t.requires ?? [], context).length === 0)
    .map((t) => t.event);
}

// Inputs may come unchecked from outside: only a known string gets a label, anything else is
// named generically so that building the message can never throw.
const label = (value: unknown, labels: Record<string, string>): string =>
  typeof value === 'string' ? (labels[value] ?? value) : 'inconnu';

/**
 * Tries to fire `event` on a dossier in `state`. Checks, in this order, that the graph allows
 * the move, that `role` may make it, and that the context meets its requirements. Never throws,
 * even on values that are not states, events or roles (they arrive from the outside).
 */
export function applyTransition(
  state: DossierState,
  event: WorkflowEvent,
  role: Role,
  context: TransitionContext = {},
): Result<AppliedTransition, TransitionError> {
  const action = `« ${label(event, workflowEventLabels)} »`;
  const transition = findTransition(state, event);
  if (!transition) {
    return err({
      code: 'illegal-transition',
      message: `L’action ${action} n’est pas possible pour un dossier à l’état « ${label(state, dossierStateLabels)} ».`,
    });
  }
  if (!canFire(role, transition.roles)) {
    return err({
      code: 'forbidden-role',
      message: `Le rôle « ${label(role, roleLabels)} » ne permet pas l’action ${action}.`,
    });
  }
  const unmet = unmetRequirements(transition.requires ?? [], context ?? {});
  const [first] = unmet;
  if (first) {
    return err({
      code: 'requirement-not-met',
      message: requirementMessages[first],
      requirement: first,
      unmet,
    });
  }
  return ok({ from: state, to: transition.to, event: transition.event });
}

/** Every state reachable from `start` by any sequence of events, `start` included. */
export function reachableStates(start: DossierState = 'draft'): DossierState[] {
  const seen = new Set<DossierState>([start]);
  const queue: DossierState[] = [start];
  for (let state = queue.shift(); state; state = queue.shift()) {
    for (const t of transitions.filter((tr) => tr.from.includes(state))) {
      if (!seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return dossierStates.filter((s) => seen.has(s));
}

/** True when no event leaves `state` (refused, withdrawn, closed): the dossier's life is over. */
export function isTerminal(state: DossierState): boolean {
  return !transitions.some((t) => t.from.includes(state));
}
