import { type z } from 'zod';
import { type CallKind } from '../calls/call-kinds.js';
import { amiDossierDraftSchema, amiDossierSchema } from './ami.js';
import { nationalHostDossierDraftSchema, nationalHostDossierSchema } from './national-host.js';
import { necLocalDossierDraftSchema, necLocalDossierSchema } from './nec-local.js';

/**
 * The dossier schemas of each call kind: `submission` for a complete application, `draft` for
 * one being filled in.
 */
export const dossierSchemas = {
  'nec-local': { draft: necLocalDossierDraftSchema, submission: necLocalDossierSchema },
  'national-host': { draft: nationalHostDossierDraftSchema, submission: nationalHostDossierSchema },
  'ami-mediation': { draft: amiDossierDraftSchema, submission: amiDossierSchema },
} as const satisfies Record<CallKind, { draft: z.ZodType; submission: z.ZodType }>;

/** The complete dossier of a call kind. */
export type DossierOf<K extends CallKind> = z.output<(typeof dossierSchemas)[K]['submission']>;

/** The draft dossier of a call kind. */
export type DossierDraftOf<K extends CallKind> = z.output<(typeof dossierSchemas)[K]['draft']>;
