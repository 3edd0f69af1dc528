import {
  type AmiCampaign,
  type Campaign,
  type NationalHostCampaign,
  type NecLocalCampaign,
} from '../calls/campaign.js';
import {
  type AmiDossierDraft,
  type NationalHostDossierDraft,
  type NecLocalDossierDraft,
} from '../dossiers/index.js';
import { type IsoDate } from '../shared/dates.js';
import { type AmiEligibility, evaluateAmi } from './ami/rules.js';
import { type Eligibility } from './eligibility-schema.js';
import { evaluateNationalHost, type NationalHostEligibility } from './national-host/rules.js';
import { evaluateNecLocal, type NecLocalEligibility } from './nec-local/evaluate.js';
import { readableDraft } from './readable.js';

/** A draft of any call kind's dossier. */
export type AnyDossierDraft = NecLocalDossierDraft | NationalHostDossierDraft | AmiDossierDraft;

export type { Eligibility };

/**
 * Which rules a dossier meets for a campaign on `today` (the submission date), with a French
 * explanation per rule. Works on drafts: what is not filled in yet makes a rule 'missing' and
 * the verdict 'incomplete', unless a rule already fails ('ineligible').
 *
 * The dossier must be of the campaign's call kind (a NEC local dossier for a NEC local campaign…).
 * Invalid values are never read: a rule reading one says `missing` (see {@link readableDraft}).
 */
export function evaluateEligibility(
  dossier: NecLocalDossierDraft,
  campaign: NecLocalCampaign,
  today: IsoDate,
): NecLocalEligibility;
export function evaluateEligibility(
  dossier: NationalHostDossierDraft,
  campaign: NationalHostCampaign,
  today: IsoDate,
): NationalHostEligibility;
export function evaluateEligibility(
  dossier: AmiDossierDraft,
  campaign: AmiCampaign,
  today: IsoDate,
): AmiEligibility;
export function evaluateEligibility(
  dossier: AnyDossierDraft,
  campaign: Campaign,
  today: IsoDate,
): Eligibility;
export function evaluateEligibility(
  input: AnyDossierDraft,
  campaign: Campaign,
  today: IsoDate,
): Eligibility {
  const dossier = readableDraft(campaign.callKind, input) as AnyDossierDraft;
  // Drafts are all-optional objects, so reading one as another kind's draft is safe: fields of
  // the other kind are ignored, and the rules report this kind's fields as missing.
  switch (campaign.callKind) {
    case 'nec-local':
      return evaluateNecLocal(dossier, campaign, today);
    case 'national-host':
      return evaluateNationalHost(dossier, campaign, today);
    case 'ami-mediation':
      return evaluateAmi(dossier, campaign, today);
  }
}
