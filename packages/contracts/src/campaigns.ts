import { callKinds, campaignSchema, isoDateSchema, type CampaignStatus } from '@nec/domain';
import { z } from 'zod';
import { accountSchema } from './auth.js';
import { pageOf, pageQueryShape } from './page.js';
import { route } from './route.js';
import { strictDeep } from './strict-deep.js';

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

export const campaignStatusFilters = ['open', 'upcoming', 'closed', 'all'] as const;

export const listCampaignsQuerySchema = strictDeep(
  z.object({
    status: z
      .enum(campaignStatusFilters, {
        error: 'Choisissez un état parmi open, upcoming, closed ou all.',
      })
      .default('open'),
    ...pageQueryShape,
  }),
);

export const setInstructorsSchema = strictDeep(
  z.object({
    userIds: z
      .array(z.uuid({ error: 'Chaque identifiant doit être celui d’un compte (UUID).' }), {
        error: 'Indiquez la liste des comptes instructeurs (userIds).',
      })
      .max(200, { error: 'Pas plus de 200 instructeurs par appel.' }),
  }),
);

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

export type CampaignBody = z.infer<typeof campaignBodySchema>;
export type ListCampaignsQuery = z.infer<typeof listCampaignsQuerySchema>;
export type SetInstructorsInput = z.infer<typeof setInstructorsSchema>;

/** Where a campaign stands today (the domain's `campaignStatus`). */
export const campaignStatusSchema = z.enum([
  'upcoming',
  'open',
  'closed',
]) satisfies z.ZodType<CampaignStatus>;

/** A campaign as the API returns it: the domain's campaign, all its figures, and its status today. */
export const campaignDtoSchema = campaignSchema.and(z.object({ status: campaignStatusSchema }));
export type CampaignDto = z.infer<typeof campaignDtoSchema>;

/** An account assigned to instruct a campaign. */
export const instructorSchema = accountSchema;
export type InstructorDto = z.infer<typeof instructorSchema>;

export const campaignParams = z.object({ id: z.string().min(1).max(64) });

const tag = 'Appels';
const adminTag = 'Administration des appels';

export const campaigns = {
  list: route({
    method: 'GET',
    path: '/api/campaigns',
    summary: 'Lister les appels (par défaut ceux qui sont ouverts aujourd’hui)',
    tag,
    public: true,
    query: listCampaignsQuerySchema,
    status: 200,
    response: pageOf(campaignDtoSchema),
  }),
  forEvent: route({
    method: 'GET',
    path: '/api/campaigns/for-event',
    summary: 'L’appel ouvert sous lequel déposer un dossier pour un événement à cette date',
    tag,
    public: true,
    query: campaignForEventQuerySchema,
    status: 200,
    response: campaignDtoSchema,
    errors: [404, 422],
  }),
  get: route({
    method: 'GET',
    path: '/api/campaigns/:id',
    summary: 'Un appel, avec tous ses paramètres',
    tag,
    public: true,
    params: campaignParams,
    status: 200,
    response: campaignDtoSchema,
  }),
};

export const adminCampaigns = {
  create: route({
    method: 'POST',
    path: '/api/admin/campaigns',
    summary: 'Créer un appel (schéma des campagnes du domaine ; champ inconnu refusé)',
    tag: adminTag,
    body: campaignBodySchema,
    status: 201,
    response: campaignDtoSchema,
    errors: [409],
  }),
  replace: route({
    method: 'PUT',
    path: '/api/admin/campaigns/:id',
    summary: 'Remplacer un appel en entier (l’identifiant du corps doit être celui de l’adresse)',
    tag: adminTag,
    params: campaignParams,
    body: campaignBodySchema,
    status: 200,
    response: campaignDtoSchema,
    errors: [409],
  }),
  delete: route({
    method: 'DELETE',
    path: '/api/admin/campaigns/:id',
    summary: 'Supprimer un appel sans dossier (409 s’il en a)',
    tag: adminTag,
    params: campaignParams,
    status: 204,
    response: null,
    errors: [409],
  }),
  listInstructors: route({
    method: 'GET',
    path: '/api/admin/campaigns/:id/instructors',
    summary: 'Les comptes qui instruisent cet appel',
    tag: adminTag,
    params: campaignParams,
    query: z.strictObject(pageQueryShape),
    status: 200,
    response: pageOf(instructorSchema),
  }),
  setInstructors: route({
    method: 'PUT',
    path: '/api/admin/campaigns/:id/instructors',
    summary: 'Désigner les comptes qui instruisent cet appel (instructeurs ou administrateurs)',
    tag: adminTag,
    params: campaignParams,
    body: setInstructorsSchema,
    status: 200,
    response: z.object({ items: z.array(instructorSchema) }),
  }),
};
