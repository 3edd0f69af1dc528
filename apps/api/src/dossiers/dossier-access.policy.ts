import type { Actor } from '../auth/actor.js';
import type { DossierEntity } from './dossier.entity.js';

/** What an actor is linked to: their organisations (applicants), their campaigns (instructors). */
export interface AccessLinks {
  organisationIds: readonly string[];
  instructedCampaignIds: readonly string[];
}

type DossierRef = Pick<DossierEntity, 'organisationId' | 'campaignId' | 'state'>;

/**
 * Who may see a dossier. Applicants: their organisations' dossiers, drafts included.
 * Instructors: submitted dossiers of the campaigns they instruct. Admins: every submitted
 * dossier. Analysts: none (they only read aggregated, non-personal figures).
 */
export function canReadDossier(
  actor: Pick<Actor, 'role'>,
  dossier: DossierRef,
  links: AccessLinks,
): boolean {
  switch (actor.role) {
    case 'applicant':
      return links.organisationIds.includes(dossier.organisationId);
    case 'instructor':
      return dossier.state !== 'draft' && links.instructedCampaignIds.includes(dossier.campaignId);
    case 'admin':
      return dossier.state !== 'draft';
    case 'analyst':
      return false;
  }
}

/** Only members of the dossier's organisation act for the applicant side. */
export function actsForApplicant(
  actor: Pick<Actor, 'role'>,
  dossier: DossierRef,
  links: AccessLinks,
): boolean {
  return actor.role === 'applicant' && links.organisationIds.includes(dossier.organisationId);
}
