import { charterSchema, principles, territoryKinds, territorySchema } from '@nec/domain';
import { z } from 'zod';
import { route } from './route.js';
import { strictDeep } from './strict-deep.js';

/** Requests and responses of the reference routes: territories and charter versions. */

/** Longest territory search query: names of communes and EPCI stay well below. */
const QUERY_MAX = 100;
/** Most territories in one page. */
export const TERRITORY_PAGE_MAX = 50;

export const territoryKindsForQuery = territoryKinds;

export const territorySearchQuerySchema = strictDeep(
  z.object({
    q: z
      .string({ error: 'Saisissez un nom ou un code de territoire.' })
      .trim()
      .min(1, { error: 'Saisissez un nom ou un code de territoire.' })
      .max(QUERY_MAX, {
        error: `La recherche ne doit pas dépasser ${QUERY_MAX} caractères.`,
      }),
    kind: z
      .enum(territoryKinds, {
        error: 'Choisissez le type de territoire : commune, epci, departement ou region.',
      })
      .optional(),
    limit: z.coerce
      .number({ error: 'Le nombre de résultats doit être un nombre entier.' })
      .int({ error: 'Le nombre de résultats doit être un nombre entier.' })
      .min(1, { error: 'Demandez au moins 1 résultat.' })
      .max(TERRITORY_PAGE_MAX, {
        error: `Pas plus de ${TERRITORY_PAGE_MAX} résultats par page.`,
      })
      .default(10),
    offset: z.coerce
      .number({ error: 'Le décalage doit être un nombre entier.' })
      .int({ error: 'Le décalage doit être un nombre entier.' })
      .min(0, { error: 'Le décalage ne peut pas être négatif.' })
      .max(100_000, { error: 'Le décalage est trop grand.' })
      .default(0),
  }),
);
export type TerritorySearchQuery = z.infer<typeof territorySearchQuerySchema>;

/** One page of territories and how many match in all. */
export const territoryPageSchema = z.object({
  items: z.array(territorySchema),
  total: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
});
export type TerritoryPage = z.infer<typeof territoryPageSchema>;

/** A charter version as listed: which one, when published, whether in force today. */
export const charterVersionSchema = charterSchema
  .pick({ id: true, version: true, publishedOn: true })
  .extend({ current: z.boolean() });
export type CharterVersion = z.infer<typeof charterVersionSchema>;

export const charterListSchema = z.object({ items: z.array(charterVersionSchema) });

const principleSchema = z.object({ id: z.string(), title: z.string(), description: z.string() });

/** The text of one charter version, with the seven principles organisers commit to. */
export const charterTextSchema = charterSchema.extend({
  current: z.boolean(),
  principles: z.array(principleSchema).length(principles.length),
});
export type CharterText = z.infer<typeof charterTextSchema>;

/**
 * Where people write: the service (questions, accessibility feedback) and the data protection
 * officer (data rights). Set when the service is deployed; null until the ANCT publishes them.
 */
export const serviceContactsSchema = z.object({
  contactEmail: z.email().nullable(),
  dpoEmail: z.email().nullable(),
});
export type ServiceContacts = z.infer<typeof serviceContactsSchema>;

const tag = 'Référentiels';

export const reference = {
  territories: route({
    method: 'GET',
    path: '/api/territories',
    summary:
      'Rechercher un territoire (commune, EPCI, département, région, outre-mer compris) par nom ou par code',
    tag,
    public: true,
    query: territorySearchQuerySchema,
    status: 200,
    response: territoryPageSchema,
  }),
  charters: route({
    method: 'GET',
    path: '/api/charters',
    summary: 'Les versions de la charte NEC (celle en vigueur signalée)',
    tag,
    public: true,
    status: 200,
    response: charterListSchema,
  }),
  contacts: route({
    method: 'GET',
    path: '/api/service-contacts',
    summary:
      'Où écrire : l’adresse du service (questions, accessibilité) et celle du délégué à la protection des données',
    tag,
    public: true,
    status: 200,
    response: serviceContactsSchema,
  }),
  charter: route({
    method: 'GET',
    path: '/api/charters/:version',
    summary: 'Le texte d’une version de la charte NEC, et les sept principes',
    tag,
    public: true,
    params: z.object({ version: z.string().min(1).max(64) }),
    status: 200,
    response: charterTextSchema,
  }),
};
