import type { DossierState, VerdictValue } from '@nec/domain';

/** DSFR badge kinds; each badge also says its meaning in words, never by colour alone. */
export type BadgeType = 'success' | 'error' | 'warning' | 'info' | 'new';

const stateTypes: Record<DossierState, BadgeType | undefined> = {
  draft: undefined,
  submitted: 'info',
  'under-review': 'info',
  'information-requested': 'warning',
  interview: 'info',
  accepted: 'success',
  refused: 'error',
  withdrawn: undefined,
  'agreement-signed': 'success',
  'event-held': 'new',
  'bilan-submitted': 'new',
  closed: undefined,
};

export function dossierStateBadgeType(state: DossierState): BadgeType | undefined {
  return stateTypes[state];
}

const verdictTypes: Record<VerdictValue | 'not-requested', BadgeType | undefined> = {
  eligible: 'success',
  ineligible: 'error',
  incomplete: 'warning',
  'not-requested': undefined,
};

export function verdictBadgeType(verdict: VerdictValue | 'not-requested'): BadgeType | undefined {
  return verdictTypes[verdict];
}
