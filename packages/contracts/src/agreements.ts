import { centsSchema, isoDateSchema, isoDateTimeSchema } from '@nec/domain';
import { z } from 'zod';
import { dossierParams } from './dossiers.js';
import { pageOf, pageQuerySchema } from './page.js';
import { file, route } from './route.js';
import { strictDeep } from './strict-deep.js';

/** The date written on the agreement signed by both parties. */
export const recordSignatureSchema = strictDeep(z.object({ signedOn: isoDateSchema }));
export type RecordSignatureInput = z.infer<typeof recordSignatureSchema>;

/** A follow-up committee held under the agreement, and its minutes. */
export const addCommitteeSchema = strictDeep(
  z.object({
    date: isoDateSchema,
    minutes: z
      .string({ error: 'Saisissez le compte rendu du comité.' })
      .trim()
      .min(1, { error: 'Saisissez le compte rendu du comité.' })
      .max(20_000, { error: 'Limitez le compte rendu à 20 000 caractères.' }),
  }),
);
export type AddCommitteeInput = z.infer<typeof addCommitteeSchema>;

export const agreementSchema = z.object({
  dossierId: z.uuid(),
  amountCents: centsSchema,
  validUntil: isoDateSchema,
  generatedAt: isoDateTimeSchema.nullable(),
  signedOn: isoDateSchema.nullable(),
  signatureRecordedAt: isoDateTimeSchema.nullable(),
});
export type AgreementDto = z.infer<typeof agreementSchema>;

export const committeeSchema = z.object({
  id: z.uuid(),
  date: isoDateSchema,
  minutes: z.string(),
  createdBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  createdAt: isoDateTimeSchema,
});
export type CommitteeDto = z.infer<typeof committeeSchema>;

const tag = 'Instruction — convention et suivi';

export const agreements = {
  pdf: route({
    method: 'GET',
    path: '/api/dossiers/:id/agreement.pdf',
    summary: 'Télécharger la convention de subvention (PDF généré à la demande)',
    tag,
    params: dossierParams,
    status: 200,
    response: file('application/pdf'),
    errors: [409],
  }),
  recordSignature: route({
    method: 'POST',
    path: '/api/instruction/dossiers/:id/agreement/signature',
    summary: 'Enregistrer la signature de la convention (le dossier passe à « Convention signée »)',
    tag,
    params: dossierParams,
    body: recordSignatureSchema,
    status: 201,
    response: agreementSchema,
    errors: [409, 422],
  }),
  addCommittee: route({
    method: 'POST',
    path: '/api/instruction/dossiers/:id/committees',
    summary: 'Enregistrer un comité de suivi et son compte rendu',
    tag,
    params: dossierParams,
    body: addCommitteeSchema,
    status: 201,
    response: committeeSchema,
    errors: [409, 422],
  }),
  listCommittees: route({
    method: 'GET',
    path: '/api/instruction/dossiers/:id/committees',
    summary: 'Les comités de suivi du dossier',
    tag,
    params: dossierParams,
    query: pageQuerySchema,
    status: 200,
    response: pageOf(committeeSchema),
  }),
};
