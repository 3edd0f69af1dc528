import {
  centsSchema,
  dossierStateSchema,
  isoDateSchema,
  territoryCodePatterns,
  verdictValueSchema,
} from '@nec/domain';
import { z } from 'zod';

/** Request bodies and query strings of the instruction endpoints. */

/** `?state=a&state=b` or `?state=a,b`: always a list. */
const listParam = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '')
        : value,
    z.array(item).min(1),
  );

const centsParam = z.coerce.number({ error: 'Indiquez un montant en centimes.' }).pipe(centsSchema);
const intParam = (min: number, max: number, message: string) =>
  z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
const booleanParam = z
  .enum(['true', 'false'], { error: 'Indiquez true ou false.' })
  .transform((v) => v === 'true');

export const queueSorts = [
  'submittedAt',
  'eventDate',
  'requestedSubsidy',
  'reference',
  'updatedAt',
] as const;

/** Filters, sort and page of the instruction queue. Unknown parameters are refused (400). */
export const queueQuerySchema = z.strictObject({
  campaignId: z
    .string()
    .min(1, { error: 'Indiquez l’identifiant d’un appel.' })
    .max(64, { error: 'Cet appel n’existe pas (identifiant de 64 caractères au plus).' })
    .optional(),
  state: listParam(
    dossierStateSchema.exclude(['draft'], {
      error: 'État inconnu (les brouillons ne sont jamais listés).',
    }),
  ).optional(),
  region: z
    .string()
    .regex(territoryCodePatterns.region, {
      error: 'Indiquez le code INSEE d’une région (deux chiffres).',
    })
    .optional(),
  subsidyMin: centsParam.optional(),
  subsidyMax: centsParam.optional(),
  labelVerdict: verdictValueSchema.optional(),
  subsidyVerdict: z.enum([...verdictValueSchema.options, 'not-requested']).optional(),
  assignee: z
    .union([
      z.uuid({ error: 'Indiquez l’identifiant d’un instructeur, ou « none ».' }),
      z.literal('none'),
    ])
    .optional(),
  eventFrom: isoDateSchema.optional(),
  eventTo: isoDateSchema.optional(),
  overdue: booleanParam.optional(),
  // An empty search box means no search.
  q: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .max(200, { error: 'La recherche ne doit pas dépasser 200 caractères.' })
      .optional(),
  ),
  sort: z
    .enum(queueSorts, { error: `Tri possible : ${queueSorts.join(', ')}.` })
    .default('submittedAt'),
  order: z.enum(['asc', 'desc'], { error: 'Ordre possible : asc ou desc.' }).default('asc'),
  page: intParam(1, 100_000, 'La page est un nombre entier à partir de 1.').default(1),
  pageSize: intParam(1, 100, 'La taille de page est un nombre entier entre 1 et 100.').default(20),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

export const assigneeSchema = z.strictObject({
  instructorId: z
    .uuid({ error: 'Indiquez l’identifiant de l’instructeur, ou null pour retirer l’attribution.' })
    .nullable(),
});
export type AssigneeInput = z.infer<typeof assigneeSchema>;

/** Emptiness and the due date are the domain's guards (422 `information-message` / `information-due-date`). */
export const informationRequestSchema = z.strictObject({
  message: z
    .string({ error: 'Précisez les informations attendues.' })
    .trim()
    .max(5000, { error: 'Le message ne doit pas dépasser 5 000 caractères.' }),
  dueDate: isoDateSchema,
});
export type InformationRequestInput = z.infer<typeof informationRequestSchema>;

export const answerSchema = z.strictObject({
  text: z
    .string({ error: 'Rédigez votre réponse.' })
    .trim()
    .min(1, { error: 'Rédigez votre réponse.' })
    .max(10_000, { error: 'La réponse ne doit pas dépasser 10 000 caractères.' }),
  /** Files already uploaded on the dossier (`POST /api/dossiers/:id/attachments`). */
  attachmentIds: z
    .array(z.uuid({ error: 'Identifiant de pièce jointe invalide.' }))
    .max(20, { error: 'Joignez au plus 20 fichiers à une réponse.' })
    .default([]),
});
export type AnswerInput = z.infer<typeof answerSchema>;

const notesField = z
  .string()
  .trim()
  .max(10_000, { error: 'Les notes ne doivent pas dépasser 10 000 caractères.' });

export const interviewSchema = z.strictObject({
  date: isoDateSchema,
  notes: notesField.optional(),
});
export type InterviewInput = z.infer<typeof interviewSchema>;

export const interviewNotesSchema = z.strictObject({ notes: notesField });
export type InterviewNotesInput = z.infer<typeof interviewNotesSchema>;

/** Accept (optionally with an amount: absent or 0 = label only) or refuse with a reason (the domain requires it). */
export const decisionSchema = z.discriminatedUnion(
  'decision',
  [
    z.strictObject({ decision: z.literal('accept'), awardedAmountCents: centsSchema.optional() }),
    z.strictObject({
      decision: z.literal('refuse'),
      reason: z
        .string({ error: 'Indiquez le motif du refus.' })
        .trim()
        .max(5000, { error: 'Le motif ne doit pas dépasser 5 000 caractères.' }),
    }),
  ],
  { error: 'Choisissez une décision : accept ou refuse.' },
);
export type DecisionInput = z.infer<typeof decisionSchema>;

const bodyField = z
  .string({ error: 'Rédigez votre message.' })
  .trim()
  .min(1, { error: 'Rédigez votre message.' })
  .max(5000, { error: 'Le message ne doit pas dépasser 5 000 caractères.' });

export const messageSchema = z.strictObject({ body: bodyField });
export type MessageInput = z.infer<typeof messageSchema>;

export const noteSchema = z.strictObject({ body: bodyField });
export type NoteInput = z.infer<typeof noteSchema>;
