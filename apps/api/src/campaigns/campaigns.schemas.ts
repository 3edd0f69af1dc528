import { callKinds, campaignSchema, isoDateSchema } from '@nec/domain';
import { z } from 'zod';
import { strictDeep } from '../common/strict-deep.js';

/**
 * Request bodies of the campaign endpoints, derived from the domain's `campaignSchema`, with
 * unknown keys refused at every depth (see `strictDeep`).
 */

/** Longest campaign id and title the database holds (`varchar(64)`, `varchar(300)`). */
const ID_MAX = 64;
const TITLE_MAX = 300;

/**
 * A campaign as an admin writes it (create and full replace). On top of the domain's schema,
 * the storage limits of the API: an id that fits in a URL and in its column, a title that fits.
 */
export const campaignBodySchema = strictDeep(campaignSchema).superRefine(
  (value, ctx) => {
    // Runs even when other fields are wrong, so every issue is listed at once: read defensively.
    const { id, title } =
      typeof value === 'object' && value !== null
        ? (value as { id?: unknown; title?: unknown })
        : {};
    if (
      typeof id === 'string' &&
      id !== '' &&
      (id.length > ID_MAX || !/^[a-z0-9][a-z0-9-]*$/.test(id))
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: `L’identifiant ne contient que des minuscules sans accent, des chiffres et des tirets (${ID_MAX} caractères au plus).`,
        params: { code: 'invalid-id' },
      });
    }
    if (typeof title === 'string' && title.length > TITLE_MAX) {
      ctx.addIssue({
        code: 'custom',
        path: ['title'],
        message: `Le titre ne doit pas dépasser ${TITLE_MAX} caractères.`,
        params: { code: 'too_long' },
      });
    }
  },
  { when: () => true },
);
export type CampaignBody = z.infer<typeof campaignBodySchema>;

export const campaignStatusFilters = ['open', 'upcoming', 'closed', 'all'] as const;

export const listCampaignsQuerySchema = strictDeep(
  z.object({
    status: z
      .enum(campaignStatusFilters, {
        error: 'Choisissez un état parmi open, upcoming, closed ou all.',
      })
      .default('open'),
  }),
);
export type ListCampaignsQuery = z.infer<typeof listCampaignsQuerySchema>;

export const setInstructorsSchema = strictDeep(
  z.object({
    userIds: z
      .array(z.uuid({ error: 'Chaque identifiant doit être celui d’un compte (UUID).' }), {
        error: 'Indiquez la liste des comptes instructeurs (userIds).',
      })
      .max(200, { error: 'Pas plus de 200 instructeurs par appel.' }),
  }),
);
export type SetInstructorsInput = z.infer<typeof setInstructorsSchema>;

/** The call kinds, for the OpenAPI document. */
export const callKindsForQuery = callKinds;

/** `GET /api/campaigns/for-event`: the call kind and the event's first day. */
export const campaignForEventQuerySchema = strictDeep(
  z.object({
    call: z.enum(callKinds, {
      error: 'Choisissez le type d’appel : nec-local, national-host ou ami-mediation.',
    }),
    date: isoDateSchema,
  }),
);
export type CampaignForEventQuery = z.infer<typeof campaignForEventQuerySchema>;

// ── responses ───────────────────────────────────────────────────────────────

/** A campaign as the API returns it: the domain's campaign and where it stands today. */
export const campaignDtoSchema = z.intersection(
  campaignSchema,
  z.object({ status: z.enum(['upcoming', 'open', 'closed']) }),
);
