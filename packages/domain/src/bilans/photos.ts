import {
  acceptedUploadTypes,
  formatFileSize,
  type UploadKind,
  type UploadRefusal,
} from '../dossiers/uploads.js';
import { requiredText } from '../shared/fields.js';

/**
 * Photos of the event joined to its bilan. Limits are data (one place, read by the API, which
 * enforces them, and by the portal, which states them and refuses a file before sending it):
 * images only, a few of them, each light enough to be shown as a thumbnail.
 */
export const bilanPhotoLimits = {
  maxCount: 10,
  maxBytes: 5 * 1024 * 1024,
  mimes: ['image/jpeg', 'image/png', 'image/webp'],
  captionMax: 200,
} as const;

/** The accepted photo types, from the dossier's list of accepted uploads. */
export const bilanPhotoTypes = acceptedUploadTypes.filter((t) =>
  (bilanPhotoLimits.mimes as readonly string[]).includes(t.mime),
);
export const bilanPhotoFormatsText = bilanPhotoTypes.map((t) => t.label).join(', ');
/** The `accept` attribute of the photo input. */
export const bilanPhotoInputAccept = bilanPhotoTypes
  .flatMap((t) => [...t.extensions.map((e) => `.${e}`), t.mime])
  .join(',');

/** What a photo shows, in a few words: its text alternative (required, for accessibility). */
export const photoCaptionSchema = requiredText(
  'Décrivez la photo en quelques mots : ce texte la remplace pour qui ne la voit pas.',
  bilanPhotoLimits.captionMax,
);

/** An issue of the fields sent with a file, at their path. */
export type UploadFieldIssue = { path: 'caption' | 'consent'; code: string; message: string };

/**
 * The fields a photo of the bilan comes with: its caption, and the applicant's word that the
 * people who can be recognised agreed to its publication (the right to one's image). Other
 * kinds of file take neither.
 */
export function uploadFieldIssues(fields: {
  kind: UploadKind;
  caption?: string | undefined;
  consent?: boolean | undefined;
}): UploadFieldIssue[] {
  if (fields.kind !== 'bilan-photo') {
    return fields.caption === undefined && fields.consent === undefined
      ? []
      : [{ path: 'caption', code: 'unexpected', message: 'Seules les photos ont une légende.' }];
  }
  const issues: UploadFieldIssue[] = [];
  const caption = photoCaptionSchema.safeParse(fields.caption ?? '');
  if (!caption.success) {
    const message = caption.error.issues[0]?.message ?? 'Légende invalide.';
    issues.push({ path: 'caption', code: 'invalid-caption', message });
  }
  if (fields.consent !== true) {
    issues.push({
      path: 'consent',
      code: 'image-consent-required',
      message:
        'Confirmez que les personnes reconnaissables ont accepté la diffusion de leur image.',
    });
  }
  return issues;
}

/**
 * Checks a photo before it is sent (and the API again on receipt, from its bytes): a type of
 * the list, the size limit, the number of photos already joined. `null` when it may be sent.
 */
export function checkBilanPhoto(
  file: { name: string; size: number; type: string },
  photosSoFar: number,
): UploadRefusal | null {
  const { maxBytes, maxCount } = bilanPhotoLimits;
  if (photosSoFar >= maxCount) {
    return {
      code: 'too-many-files',
      message: `Le bilan compte déjà ${maxCount} photos, le maximum. Retirez-en une avant d’en ajouter une autre.`,
    };
  }
  if (file.size > maxBytes) {
    return {
      code: 'file-too-large',
      message: `« ${file.name} » pèse ${formatFileSize(file.size)} : une photo ne dépasse pas ${formatFileSize(maxBytes)}.`,
    };
  }
  if (file.size === 0) return { code: 'empty-file', message: `« ${file.name} » est vide.` };
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const known = bilanPhotoTypes.some(
    (t) => t.mime === file.type || (t.extensions as readonly string[]).includes(extension),
  );
  if (!known) {
    return {
      code: 'unsupported-file-type',
      message: `« ${file.name} » n’est pas une photo d’un format accepté (${bilanPhotoFormatsText}).`,
    };
  }
  return null;
}
