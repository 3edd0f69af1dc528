import { z } from 'zod';
import { requestVerdictSchema, verdictSchema } from './verdict.js';

/** The three verdicts of a NEC local dossier: the label (always asked), the subsidy, the duo. */
export const necLocalEligibilitySchema = z.object({
  callKind: z.literal('nec-local'),
  campaignId: z.string(),
  label: verdictSchema,
  subsidy: requestVerdictSchema,
  duo: requestVerdictSchema,
});
export type NecLocalEligibility = z.infer<typeof necLocalEligibilitySchema>;

/** The single verdict of a national edition host application. */
export const nationalHostEligibilitySchema = z.object({
  callKind: z.literal('national-host'),
  campaignId: z.string(),
  application: verdictSchema,
});
export type NationalHostEligibility = z.infer<typeof nationalHostEligibilitySchema>;

/** The single verdict of an AMI application. */
export const amiEligibilitySchema = z.object({
  callKind: z.literal('ami-mediation'),
  campaignId: z.string(),
  application: verdictSchema,
});
export type AmiEligibility = z.infer<typeof amiEligibilitySchema>;

/** The eligibility of a dossier to a campaign, shaped by the call kind (`evaluateEligibility`). */
export const eligibilitySchema = z.discriminatedUnion('callKind', [
  necLocalEligibilitySchema,
  nationalHostEligibilitySchema,
  amiEligibilitySchema,
]);
export type Eligibility = z.infer<typeof eligibilitySchema>;
