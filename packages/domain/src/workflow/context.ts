import { z } from 'zod';
import { isoDateSchema } from '../shared/dates.js';

/**
 * What the guards may look at when an event is fired. Every field is optional: each guard
 * checks only what it needs and reports a missing field as an unmet requirement. Flags such as
 * `charterAccepted` and `submissionValid` are computed by the caller (charter and dossier
 * modules), which keeps this state machine independent of the dossier schemas.
 */
export const transitionContextSchema = z.object({
  /** The current date (`YYYY-MM-DD`), needed by every date rule. */
  today: isoDateSchema.optional(),
  /** The applicant accepted the campaign's charter (submit). */
  charterAccepted: z.boolean().optional(),
  /** The dossier passes the submission schema of its call (submit). */
  submissionValid: z.boolean().optional(),
  /** Why the dossier is refused, sent to the applicant (refuse). */
  reason: z.string().optional(),
  /** What the instructor asks the applicant to supply (request-information). */
  message: z.string().optional(),
  /** Date by which the applicant should answer, strictly after today (request-information). */
  dueDate: isoDateSchema.optional(),
  /** Date of the interview (schedule-interview). */
  interviewDate: isoDateSchema.optional(),
  /**
   * The subsidy awarded, in cents: given on accept (absent or 0 = label only), then read by
   * sign-agreement (needs > 0) and by mark-event-held straight from accepted (needs none).
   */
  awardedAmountCents: z.number().optional(),
  /** The event's dates, as in the dossier; the last day is `endDate`, else `startDate`. */
  event: z.object({ startDate: isoDateSchema, endDate: isoDateSchema.optional() }).optional(),
});
export type TransitionContext = z.infer<typeof transitionContextSchema>;
