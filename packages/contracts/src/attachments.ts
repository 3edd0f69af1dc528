import { isoDateTimeSchema, roleSchema, uploadFieldIssues, uploadKinds } from '@nec/domain';
import { z } from 'zod';
import { dossierParams } from './dossiers.js';
import { pageOf, pageQuerySchema } from './page.js';
import { file, route } from './route.js';

/**
 * The multipart text fields sent with the file (the file itself is the `file` part). A photo of
 * the bilan also carries its caption and `consent=true` (the domain's `uploadFieldIssues`).
 */
export const uploadFieldsSchema = z
  .strictObject({
    kind: z.enum(uploadKinds, { error: 'Indiquez le type de document.' }),
    caption: z.string().optional(),
    consent: z.stringbool({ error: 'Répondez par true ou false.' }).optional(),
  })
  .superRefine((fields, ctx) => {
    for (const issue of uploadFieldIssues(fields)) {
      ctx.addIssue({
        code: 'custom',
        path: [issue.path],
        message: issue.message,
        params: { code: issue.code },
      });
    }
  });
export type UploadFields = z.infer<typeof uploadFieldsSchema>;

/** `not-scanned`: no scanner is configured (development); such files are served, marked unchecked. */
export const scanStatusSchema = z.enum(['pending', 'clean', 'infected', 'error', 'not-scanned']);
export type ScanStatus = z.infer<typeof scanStatusSchema>;

/**
 * A document joined to a dossier; only `clean` or `not-scanned` ones (`downloadable`) can be
 * downloaded, and none whose file was deleted at the end of its retention (`purgedAt`).
 */
export const attachmentSchema = z.object({
  id: z.uuid(),
  dossierId: z.uuid(),
  kind: z.enum(uploadKinds),
  originalName: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** MIME type detected from the bytes. */
  detectedType: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  scanStatus: scanStatusSchema,
  downloadable: z.boolean(),
  uploadedAt: isoDateTimeSchema,
  uploadedByRole: roleSchema,
  uploadedByMe: z.boolean(),
  /** A photo's caption (its text alternative); null for other documents. */
  caption: z.string().nullable(),
  /** When the file was deleted, the dossier closed for longer than the retention period. */
  purgedAt: isoDateTimeSchema.nullable(),
});
export type AttachmentDto = z.infer<typeof attachmentSchema>;

const attachmentParams = dossierParams.extend({ attachmentId: z.uuid() });
const tag = 'Pièces jointes';

export const attachments = {
  upload: route({
    method: 'POST',
    path: '/api/dossiers/:id/attachments',
    summary:
      'Joindre un document au dossier (type reconnu sur le contenu, analyse antivirus ensuite)',
    tag,
    params: dossierParams,
    multipart: true,
    body: uploadFieldsSchema,
    status: 201,
    response: attachmentSchema,
    errors: [409, 413, 415, 422],
  }),
  list: route({
    method: 'GET',
    path: '/api/dossiers/:id/attachments',
    summary: 'Les documents joints au dossier (métadonnées et état de l’analyse antivirus)',
    tag,
    params: dossierParams,
    query: pageQuerySchema,
    status: 200,
    response: pageOf(attachmentSchema),
  }),
  /** The bytes, with the type detected at upload (any type of the accepted list). */
  download: route({
    method: 'GET',
    path: '/api/dossiers/:id/attachments/:attachmentId',
    summary: 'Télécharger un document (seulement une fois déclaré sain par l’antivirus)',
    tag,
    params: attachmentParams,
    status: 200,
    response: file('application/octet-stream'),
    errors: [409, 410],
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/dossiers/:id/attachments/:attachmentId',
    summary: 'Retirer un document (brouillon, ou complément demandé non encore transmis)',
    tag,
    params: attachmentParams,
    status: 204,
    response: null,
    errors: [409],
  }),
};
