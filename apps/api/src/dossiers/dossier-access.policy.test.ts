import { describe, expect, it } from 'vitest';
import { canReadDossier } from './dossier-access.policy.js';

const dossier = { organisationId: 'org-1', campaignId: 'c-1', state: 'submitted' as const };
const draft = { ...dossier, state: 'draft' as const };
const linked = { organisationIds: ['org-1'], instructedCampaignIds: ['c-1'] };
const unlinked = { organisationIds: ['org-2'], instructedCampaignIds: ['c-2'] };

describe('canReadDossier', () => {
  it('lets applicants read their organisations’ dossiers only, drafts included', () => {
    expect(canReadDossier({ role: 'applicant' }, draft, linked)).toBe(true);
    expect(canReadDossier({ role: 'applicant' }, dossier, unlinked)).toBe(false);
  });
  it('lets instructors read submitted dossiers of their campaigns only', () => {
    expect(canReadDossier({ role: 'instructor' }, dossier, linked)).toBe(true);
    expect(canReadDossier({ role: 'instructor' }, draft, linked)).toBe(false);
    expect(canReadDossier({ role: 'instructor' }, dossier, unlinked)).toBe(false);
  });
  it('lets admins read every submitted dossier, never a draft', () => {
    expect(canReadDossier({ role: 'admin' }, dossier, unlinked)).toBe(true);
    expect(canReadDossier({ role: 'admin' }, draft, linked)).toBe(false);
  });
  it('never lets analysts read a dossier', () => {
    expect(canReadDossier({ role: 'analyst' }, dossier, linked)).toBe(false);
  });
});
