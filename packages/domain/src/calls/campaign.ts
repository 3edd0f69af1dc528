import { z } from 'zod';
import { subsidyBoundsSchema } from '../budget/index.js';
import { charterRefSchema } from '../charter/charter.js';
import { selectionWeightsSchema } from '../scoring/criteria.js';
import { isoDateSchema } from '../shared/dates.js';
import { tooLargeNumberMessage } from '../shared/fields.js';
import { int4Max, safeText } from '../shared/safe-input.js';

const count = z.number().int().nonnegative().max(int4Max, { error: tooLargeNumberMessage });
/** A year the campaigns and editions may name. */
const yearMessage = 'Indiquez une année entre 2000 et 2999.';
const year = z
  .number({ error: yearMessage })
  .int({ error: yearMessage })
  .min(2000, { error: yearMessage })
  .max(2999, { error: yearMessage });

/** A day of the year without its year, `MM-DD`, for windows that recur every year. */
export const monthDaySchema = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
  error: 'Saisissez un jour au format MM-JJ.',
});
export type MonthDay = z.infer<typeof monthDaySchema>;

/** The figures of a NEC local campaign: what the label, the subsidy and the duo require. */
export const necLocalParamsSchema = z.object({
  /** The dossier must be submitted at least this many months before the event starts. */
  leadTimeMonths: count,
  subsidy: subsidyBoundsSchema,
  /** Expected (or registered) attendees needed to ask for the subsidy or the duo. */
  minAttendees: count,
  /** Collectivités supporting the event needed to ask for the subsidy or the duo. */
  minSupportingCollectivites: count,
  /** Last day of validity of the grant agreement (convention). */
  agreementEndDate: isoDateSchema,
  /** The charter version applicants accept. */
  charter: charterRefSchema,
  selectionWeights: selectionWeightsSchema,
});
export type NecLocalParams = z.infer<typeof necLocalParamsSchema>;

/** The figures of a call for the national edition's host collectivité. */
export const nationalHostParamsSchema = z.object({
  applicationDeadline: isoDateSchema,
  /** The year of the national edition being hosted (the call runs the year before). */
  editionYear: year,
  /** What the host must be able to receive. */
  hostCapacity: z.object({ participants: count, speakers: count, days: count }),
  /** When the edition traditionally takes place, each year: the proposed dates must fit in. */
  dateWindow: z.object({ from: monthDaySchema, to: monthDaySchema }),
  charter: charterRefSchema,
});
export type NationalHostParams = z.infer<typeof nationalHostParamsSchema>;

/** Commitments of the NEC label's quality path a winner of the AMI must take. */
export const amiCommitmentKeys = [
  'accessibility',
  'openness',
  'appropriability',
  'security',
  'coDesign',
  'ecoDesign',
] as const;
/** One of {@link amiCommitmentKeys}. */
export const amiCommitmentKeySchema = z.enum(amiCommitmentKeys);
export type AmiCommitmentKey = z.infer<typeof amiCommitmentKeySchema>;

/** The figures of an AMI « Outiller la médiation numérique » campaign. */
export const amiParamsSchema = z.object({
  deadline: isoDateSchema,
  /** How many of the five challenges a project must answer, at least. */
  minChallenges: z.number().int().min(1).max(int4Max, { error: tooLargeNumberMessage }),
  /** The quality commitments that cannot be left out. */
  mandatoryCommitments: z.array(amiCommitmentKeySchema),
});
export type AmiParams = z.infer<typeof amiParamsSchema>;

const campaignBaseSchema = z.object({
  id: safeText(64).min(1, { error: 'Indiquez l’identifiant de l’appel.' }),
  year,
  title: safeText(300).min(1, { error: 'Indiquez le titre de l’appel.' }),
  opensOn: isoDateSchema,
  /** Last day to apply; `null` for a call that never closes. */
  closesOn: isoDateSchema.nullable(),
});

/**
 * A campaign: one call (appel) for a given year, with its own figures. The figures are data,
 * so a new campaign is a new value, never a code change. Discriminated on `callKind`.
 */
export const campaignSchema = z.discriminatedUnion('callKind', [
  campaignBaseSchema.extend({ callKind: z.literal('nec-local'), params: necLocalParamsSchema }),
  campaignBaseSchema.extend({
    callKind: z.literal('national-host'),
    params: nationalHostParamsSchema,
  }),
  campaignBaseSchema.extend({ callKind: z.literal('ami-mediation'), params: amiParamsSchema }),
]);
export type Campaign = z.infer<typeof campaignSchema>;
/** A campaign of one call kind. */
export type CampaignOf<K extends Campaign['callKind']> = Extract<Campaign, { callKind: K }>;
export type NecLocalCampaign = CampaignOf<'nec-local'>;
export type NationalHostCampaign = CampaignOf<'national-host'>;
export type AmiCampaign = CampaignOf<'ami-mediation'>;
