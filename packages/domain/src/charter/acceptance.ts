import { z } from 'zod';
import { type Campaign } from '../calls/campaign.js';
import { isoDateTimeSchema } from '../shared/dates.js';
import { err, ok, type Result } from '../shared/result.js';
import { type DossierState } from '../workflow/states.js';
import { type Charter, type CharterRef } from './charter.js';

/**
 * Proof that a user accepted one precise version of the charter: which version, when, and who
 * (a user id, never a name). Stored with the dossier so a later charter change does not rewrite it.
 */
export const charterAcceptanceSchema = z.object({
  // At most 40 characters: the acceptances' columns (charter_id, charter_version).
  charterId: z
    .string({ error: 'Indiquez la charte acceptée.' })
    .min(1, { error: 'Indiquez la charte acceptée.' })
    .max(40, { error: 'Cette charte n’existe pas (identifiant de 40 caractères au plus).' }),
  version: z
    .string({ error: 'Indiquez la version de la charte acceptée.' })
    .min(1, { error: 'Indiquez la version de la charte acceptée.' })
    .max(40, { error: 'Cette version n’existe pas (40 caractères au plus).' }),
  acceptedAt: isoDateTimeSchema,
  acceptedBy: z.string({ error: 'Indiquez qui a accepté la charte.' }).min(1, {
    error: 'Indiquez qui a accepté la charte.',
  }),
});
export type CharterAcceptance = z.infer<typeof charterAcceptanceSchema>;

/** Records that `userId` accepts `charter` (in the version given) at the instant `now`. */
export function acceptCharter(charter: Charter, userId: string, now: Date): CharterAcceptance {
  return {
    charterId: charter.id,
    version: charter.version,
    acceptedAt: now.toISOString(),
    acceptedBy: userId,
  };
}

/**
 * Whether an acceptance covers what a campaign asks: the same charter, in the campaign's version.
 * A campaign that names no charter (the 2021 AMI) is satisfied by any acceptance.
 */
export function isAcceptanceValidFor(acceptance: CharterAcceptance, campaign: Campaign): boolean {
  const expected = campaignCharterRef(campaign);
  if (expected === null) return true;
  return acceptance.charterId === expected.id && acceptance.version === expected.version;
}

/** The charter version a campaign requires, or `null` when its call names none. */
export function campaignCharterRef(campaign: Campaign): CharterRef | null {
  return 'charter' in campaign.params ? campaign.params.charter : null;
}

/** Why a charter acceptance is refused. */
export type CharterAcceptanceRefusal = { code: 'not-editable'; message: string };

/**
 * Whether the charter may be accepted on a dossier in `state`: only while it is a draft. Once
 * submitted, the acceptance it was submitted with is part of the frozen version; recording
 * another one later (on a refused or closed dossier) would rewrite what was judged.
 */
export function checkCharterAcceptable(
  state: DossierState,
): Result<true, CharterAcceptanceRefusal> {
  if (state === 'draft') return ok(true);
  return err({
    code: 'not-editable',
    message:
      'La charte s’accepte sur un dossier en brouillon ; ce dossier a été déposé et ne peut plus être modifié.',
  });
}
