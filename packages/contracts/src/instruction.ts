import {
  callKindSchema,
  centsSchema,
  dossierStateSchema,
  isoDateSchema,
  isoDateTimeSchema,
  roleSchema,
  territoryCodePatterns,
  verdictValueSchema,
} from '@nec/domain';
import { z } from 'zod';
import { dossierDtoSchema, dossierParams } from './dossiers.js';
import { booleanParam, pageOf, pageQueryShape } from './page.js';
import { route } from './route.js';

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
  ...pageQueryShape,
});

export const assigneeSchema = z.strictObject({
  instructorId: z
    .uuid({ error: 'Indiquez l’identifiant de l’instructeur, ou null pour retirer l’attribution.' })
    .nullable(),
});

/** Emptiness and the due date are the domain's guards (422 `information-message` / `information-due-date`). */
export const informationRequestSchema = z.strictObject({
  message: z
    .string({ error: 'Précisez les informations attendues.' })
    .trim()
    .max(5000, { error: 'Le message ne doit pas dépasser 5 000 caractères.' }),
  dueDate: isoDateSchema,
});

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

const notesField = z
  .string()
  .trim()
  .max(10_000, { error: 'Les notes ne doivent pas dépasser 10 000 caractères.' });

export const interviewSchema = z.strictObject({
  date: isoDateSchema,
  notes: notesField.optional(),
});

export const interviewNotesSchema = z.strictObject({ notes: notesField });

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

const bodyField = z
  .string({ error: 'Rédigez votre message.' })
  .trim()
  .min(1, { error: 'Rédigez votre message.' })
  .max(5000, { error: 'Le message ne doit pas dépasser 5 000 caractères.' });

export const messageSchema = z.strictObject({ body: bodyField });

export const noteSchema = z.strictObject({ body: bodyField });

export type QueueQuery = z.infer<typeof queueQuerySchema>;
export type AssigneeInput = z.infer<typeof assigneeSchema>;
export type InformationRequestInput = z.infer<typeof informationRequestSchema>;
export type AnswerInput = z.infer<typeof answerSchema>;
export type InterviewInput = z.infer<typeof interviewSchema>;
export type InterviewNotesInput = z.infer<typeof interviewNotesSchema>;
export type DecisionInput = z.infer<typeof decisionSchema>;
export type MessageInput = z.infer<typeof messageSchema>;
export type NoteInput = z.infer<typeof noteSchema>;

// ── responses ────────────────────────────────────────────────────────────────

const personSchema = z.object({ id: z.uuid(), displayName: z.string().nullable() });

/** One line of the instruction queue. */
export const queueItemSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  campaignId: z.string(),
  callKind: callKindSchema,
  state: dossierStateSchema,
  title: z.string().nullable(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  eventDate: isoDateSchema.nullable(),
  requestedSubsidyCents: centsSchema.nullable(),
  awardedAmountCents: centsSchema.nullable(),
  regionCodes: z.array(z.string()),
  labelVerdict: verdictValueSchema.nullable(),
  subsidyVerdict: z.enum([...verdictValueSchema.options, 'not-requested']).nullable(),
  assignee: personSchema.nullable(),
  hasOverdueRequest: z.boolean(),
  submittedAt: isoDateTimeSchema.nullable(),
  updatedAt: isoDateTimeSchema,
});
export type QueueItemDto = z.infer<typeof queueItemSchema>;

/** A page of the queue, with the count of matching dossiers in each state. */
export const queuePageSchema = pageOf(queueItemSchema).extend({
  countsByState: z.partialRecord(dossierStateSchema, z.number().int().nonnegative()),
});
export type QueuePage = z.infer<typeof queuePageSchema>;

export const assignmentSchema = z.object({
  dossierId: z.uuid(),
  assignee: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
});
export type AssignmentDto = z.infer<typeof assignmentSchema>;

/** A request for information; `overdue` when its due date has passed without an answer. */
export const informationRequestDtoSchema = z.object({
  id: z.uuid(),
  message: z.string(),
  dueDate: isoDateSchema,
  requestedAt: isoDateTimeSchema,
  answeredAt: isoDateTimeSchema.nullable(),
  answerText: z.string().nullable(),
  answerAttachmentIds: z.array(z.uuid()),
  overdue: z.boolean(),
});
export type InformationRequestDto = z.infer<typeof informationRequestDtoSchema>;

export const interviewDtoSchema = z.object({
  id: z.uuid(),
  date: isoDateSchema,
  notes: z.string().nullable(),
  createdAt: isoDateTimeSchema,
});
export type InterviewDto = z.infer<typeof interviewDtoSchema>;

/**
 * A message as its reader sees it: `author.side` tells the applicant's side from the ANCT team;
 * applicants see agents only as « Équipe ANCT » (`role` null).
 */
export const messageDtoSchema = z.object({
  id: z.uuid(),
  body: z.string(),
  createdAt: isoDateTimeSchema,
  author: z.object({
    side: z.enum(['applicant', 'anct']),
    role: roleSchema.nullable(),
    name: z.string(),
  }),
});
export type MessageDto = z.infer<typeof messageDtoSchema>;

export const noteDtoSchema = z.object({
  id: z.uuid(),
  body: z.string(),
  createdAt: isoDateTimeSchema,
  author: z.object({ id: z.uuid().nullable(), name: z.string().nullable() }),
});
export type NoteDto = z.infer<typeof noteDtoSchema>;

const listQuery = z.strictObject(pageQueryShape);
const tag = 'Instruction';
const exchangesTag = 'Échanges sur un dossier';

export const instruction = {
  queue: route({
    method: 'GET',
    path: '/api/instruction/dossiers',
    summary:
      'File d’instruction : dossiers déposés filtrés, triés et paginés, avec le nombre de dossiers par état',
    tag,
    query: queueQuerySchema,
    status: 200,
    response: queuePageSchema,
  }),
  assign: route({
    method: 'PUT',
    path: '/api/instruction/dossiers/:id/assignee',
    summary:
      'Attribuer le dossier à une personne qui instruit l’appel (ou retirer l’attribution avec null)',
    tag,
    params: dossierParams,
    body: assigneeSchema,
    status: 200,
    response: assignmentSchema,
    errors: [422],
  }),
  take: route({
    method: 'POST',
    path: '/api/instruction/dossiers/:id/take',
    summary: 'Prendre le dossier en instruction (et se l’attribuer s’il n’est attribué à personne)',
    tag,
    params: dossierParams,
    status: 200,
    response: dossierDtoSchema,
    errors: [409, 422],
  }),
  requestInformation: route({
    method: 'POST',
    path: '/api/instruction/dossiers/:id/information-requests',
    summary: 'Demander des compléments au porteur, avec une date limite de réponse',
    tag,
    params: dossierParams,
    body: informationRequestSchema,
    status: 201,
    response: informationRequestDtoSchema,
    errors: [409, 422],
  }),
  scheduleInterview: route({
    method: 'POST',
    path: '/api/instruction/dossiers/:id/interview',
    summary: 'Prévoir un entretien avec le porteur',
    tag,
    params: dossierParams,
    body: interviewSchema,
    status: 201,
    response: interviewDtoSchema,
    errors: [409, 422],
  }),
  updateInterviewNotes: route({
    method: 'PUT',
    path: '/api/instruction/dossiers/:id/interview/notes',
    summary: 'Mettre à jour les notes du dernier entretien (jamais montrées au porteur)',
    tag,
    params: dossierParams,
    body: interviewNotesSchema,
    status: 200,
    response: interviewDtoSchema,
    errors: [409],
  }),
  decide: route({
    method: 'POST',
    path: '/api/instruction/dossiers/:id/decision',
    summary:
      'Accepter (avec ou sans subvention, montant vérifié par les règles de l’appel) ou refuser avec un motif',
    tag,
    params: dossierParams,
    body: decisionSchema,
    status: 200,
    response: dossierDtoSchema,
    errors: [409, 422],
  }),
  listNotes: route({
    method: 'GET',
    path: '/api/instruction/dossiers/:id/notes',
    summary: 'Notes privées de l’équipe d’instruction sur le dossier',
    tag,
    params: dossierParams,
    query: listQuery,
    status: 200,
    response: pageOf(noteDtoSchema),
  }),
  addNote: route({
    method: 'POST',
    path: '/api/instruction/dossiers/:id/notes',
    summary: 'Ajouter une note privée (jamais montrée au porteur)',
    tag,
    params: dossierParams,
    body: noteSchema,
    status: 201,
    response: noteDtoSchema,
  }),
};

export const exchanges = {
  listInformationRequests: route({
    method: 'GET',
    path: '/api/dossiers/:id/information-requests',
    summary: 'Demandes de compléments du dossier, avec leur réponse et leur retard éventuel',
    tag: exchangesTag,
    params: dossierParams,
    query: listQuery,
    status: 200,
    response: pageOf(informationRequestDtoSchema),
  }),
  answer: route({
    method: 'POST',
    path: '/api/dossiers/:id/information-requests/:requestId/answer',
    summary: 'Répondre à une demande de compléments (le dossier revient en instruction)',
    tag: exchangesTag,
    params: dossierParams.extend({ requestId: z.uuid() }),
    body: answerSchema,
    status: 200,
    response: dossierDtoSchema,
    errors: [409, 422],
  }),
  listMessages: route({
    method: 'GET',
    path: '/api/dossiers/:id/messages',
    summary: 'Messages échangés entre le porteur et l’équipe de l’ANCT',
    tag: exchangesTag,
    params: dossierParams,
    query: listQuery,
    status: 200,
    response: pageOf(messageDtoSchema),
  }),
  postMessage: route({
    method: 'POST',
    path: '/api/dossiers/:id/messages',
    summary: 'Écrire un message sur le dossier (5 000 caractères au plus)',
    tag: exchangesTag,
    params: dossierParams,
    body: messageSchema,
    status: 201,
    response: messageDtoSchema,
    errors: [409],
  }),
};
