import type { DossierState } from '../workflow/states.js';
import { attachmentKindLabels, attachmentKinds } from './national-host.js';

/**
 * Kinds of document a dossier's files are uploaded as: those a host application lists
 * (`attachmentKinds`), plus the budget, the answers to an information request and the photos
 * of a bilan.
 */
export const uploadKinds = [
  ...attachmentKinds,
  'budget',
  'information-answer',
  'bilan-photo',
] as const;
export type UploadKind = (typeof uploadKinds)[number];

/** French names of the upload kinds. */
export const uploadKindLabels: Record<UploadKind, string> = {
  ...attachmentKindLabels,
  budget: 'Budget détaillé',
  'information-answer': 'Réponse à une demande de compléments',
  'bilan-photo': 'Photo de l’événement (bilan)',
};

/** States in which the applicant's side may add and remove files of any kind. */
const openStates: readonly DossierState[] = ['draft', 'information-requested'];
/** States in which bilan photos may also be added: between the decision and the bilan. */
const bilanStates: readonly DossierState[] = ['accepted', 'agreement-signed', 'event-held'];

/**
 * Whether the applicant's side may add (or remove) a file of this kind to a dossier in this
 * state: while it is drafted or while ANCT waits for more information; bilan photos also
 * between the decision and the bilan. Elsewhere the file set is frozen.
 */
export function acceptsFiles(state: DossierState, kind: UploadKind): boolean {
  return openStates.includes(state) || (kind === 'bilan-photo' && bilanStates.includes(state));
}

/**
 * The file types a dossier accepts. The API recognises them from the bytes (never from the name
 * or the declared type); the apps use the same list to refuse a file before sending it, and to
 * fill the `accept` attribute of their file inputs. `extensions` are the names people's files
 * usually end with.
 */
export const acceptedUploadTypes = [
  { mime: 'application/pdf', ext: 'pdf', extensions: ['pdf'], label: 'PDF' },
  { mime: 'image/png', ext: 'png', extensions: ['png'], label: 'PNG' },
  { mime: 'image/jpeg', ext: 'jpg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  { mime: 'image/webp', ext: 'webp', extensions: ['webp'], label: 'WebP' },
  {
    mime: 'application/vnd.oasis.opendocument.text',
    ext: 'odt',
    extensions: ['odt'],
    label: 'ODT',
  },
  {
    mime: 'application/vnd.oasis.opendocument.spreadsheet',
    ext: 'ods',
    extensions: ['ods'],
    label: 'ODS',
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
    extensions: ['docx'],
    label: 'DOCX',
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
    extensions: ['xlsx'],
    label: 'XLSX',
  },
] as const;
export type AcceptedUploadType = (typeof acceptedUploadTypes)[number];

/** The largest file accepted unless the deployment sets another limit (10 Mo). */
export const defaultUploadMaxBytes = 10 * 1024 * 1024;

/** "PDF, PNG, JPEG, WebP, ODT, ODS, DOCX, XLSX": the accepted formats, for messages. */
export const acceptedUploadFormatsText = acceptedUploadTypes.map((t) => t.label).join(', ');

/** The `accept` attribute of a file input: every extension and type of the list. */
export const acceptedUploadInputAccept = acceptedUploadTypes
  .flatMap((t) => [...t.extensions.map((e) => `.${e}`), t.mime])
  .join(',');

/** A size in French units, as the limits are stated: "10 Mo", "2,5 Mo", "800 ko". */
export function formatFileSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${(Math.round(mb * 10) / 10).toLocaleString('fr-FR')} Mo`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('fr-FR')} ko`;
}

/** Why a file is refused before it is sent; codes as the API's (413, 415, 400). */
export type UploadRefusal = {
  code: 'file-too-large' | 'unsupported-file-type' | 'empty-file' | 'too-many-files';
  message: string;
};

/** The accepted type a file seems to be, from its declared type or else its extension. */
export function acceptedTypeOf(file: { name: string; type: string }): AcceptedUploadType | null {
  const byType = acceptedUploadTypes.find((t) => t.mime === file.type);
  if (byType) return byType;
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (!extension) return null;
  return (
    acceptedUploadTypes.find((t) => (t.extensions as readonly string[]).includes(extension)) ?? null
  );
}

/**
 * Checks a file before it is sent, with the limit stated: too big, empty, or of a type the
 * dossier does not accept (judged from its name and declared type; the API then checks the bytes).
 * `null` when it may be sent.
 */
export function checkUpload(
  file: { name: string; size: number; type: string },
  maxBytes: number = defaultUploadMaxBytes,
): UploadRefusal | null {
  if (file.size > maxBytes) {
    return {
      code: 'file-too-large',
      message: `« ${file.name} » pèse ${formatFileSize(file.size)} : la taille maximale est de ${formatFileSize(maxBytes)}.`,
    };
  }
  if (file.size === 0) {
    return { code: 'empty-file', message: `« ${file.name} » est vide.` };
  }
  if (!acceptedTypeOf(file)) {
    return {
      code: 'unsupported-file-type',
      message: `« ${file.name} » n’est pas d’un format accepté. Formats acceptés : ${acceptedUploadFormatsText}.`,
    };
  }
  return null;
}
