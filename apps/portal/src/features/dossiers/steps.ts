import type { RuleCheck } from '@nec/domain';

/**
 * The steps of a NEC local dossier: each has a French path segment, a title, and the dossier
 * fields it holds (dot-path prefixes), so errors and eligibility rules find their step.
 */
export type DossierStep = { slug: string; title: string; fields: readonly string[] };

export const dossierSteps = [
  { slug: 'projet', title: 'Le projet', fields: ['title', 'objective'] },
  { slug: 'thematiques', title: 'Thématiques', fields: ['themes'] },
  { slug: 'territoire', title: 'Territoire', fields: ['area'] },
  { slug: 'publics', title: 'Publics', fields: ['audiences'] },
  { slug: 'structures', title: 'Structures et soutiens', fields: ['organisers'] },
  { slug: 'formats', title: 'Formats', fields: ['formats', 'eventMode'] },
  { slug: 'moyens', title: 'Moyens', fields: ['means'] },
  { slug: 'date-et-lieu', title: 'Date et lieu', fields: ['event'] },
  { slug: 'budget', title: 'Budget', fields: ['budget'] },
  { slug: 'demandes', title: 'Demandes', fields: ['requests'] },
  { slug: 'charte', title: 'Charte', fields: ['charterAcceptance'] },
  { slug: 'recapitulatif', title: 'Récapitulatif', fields: [] },
] as const satisfies readonly DossierStep[];

export type StepSlug = (typeof dossierSteps)[number]['slug'];

export function stepIndex(slug: string): number {
  return dossierSteps.findIndex((s) => s.slug === slug);
}

/** The step holding a field (`event.venue.capacity` → date-et-lieu). */
export function stepOfField(path: string): DossierStep | undefined {
  return dossierSteps.find((s) =>
    s.fields.some((f: string) => path === f || path.startsWith(`${f}.`)),
  );
}

/** Which field fixes an eligibility rule, by rule id (rules carry no field of their own). */
const ruleFields: Record<string, string> = {
  'lead-time': 'event.startDate',
  'within-agreement': 'event.startDate',
  'venue-capacity': 'event.venue.capacity',
  'min-attendees': 'audiences.expectedAttendees',
  'legal-entity': 'organisers',
  'supporting-collectivites': 'organisers',
  'charter-accepted': 'charterAcceptance',
  'request-stated': 'requests',
  'subsidy-amount': 'requests.subsidy.amountCents',
  budget: 'budget',
};

export function fieldOfRule(rule: Pick<RuleCheck, 'id'>): string | null {
  if (rule.id.startsWith('budget-')) return 'budget';
  return ruleFields[rule.id] ?? null;
}

/** The steps that hold at least one of these error paths. */
export function stepsWithErrors(paths: readonly string[]): Set<string> {
  const slugs = new Set<string>();
  for (const path of paths) {
    const step = stepOfField(path);
    if (step) slugs.add(step.slug);
  }
  return slugs;
}
