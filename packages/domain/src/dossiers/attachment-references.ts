import type { FieldIssue } from '../shared/issues.js';
import { attachmentKindLabels, type Attachment, type AttachmentKind } from './national-host.js';

/** A file uploaded for a dossier, as the storage knows it. */
export interface UploadedFile {
  id: string;
  kind: string;
  /**
   * The virus scanner refused it (infected, or could not be checked). A file still waiting for
   * the scanner may be referenced: agents only get it once it has passed.
   */
  rejected: boolean;
}

/**
 * Checks that every document a host application lists is a file uploaded for this very dossier,
 * of the kind it claims and not refused by the virus scanner: the list is typed by the applicant's browser, the files are
 * what the instructors will open. Returns one issue per bad reference (empty when all is well),
 * on the `attachments.<i>.id` path of the form.
 */
export function checkAttachmentReferences(
  references: readonly Pick<Attachment, 'id' | 'kind'>[],
  uploaded: readonly UploadedFile[],
): FieldIssue[] {
  const byId = new Map(uploaded.map((file) => [file.id, file]));
  return references.flatMap((reference, index): FieldIssue[] => {
    const path = `attachments.${index}.id`;
    const file = byId.get(reference.id);
    if (!file) return [{ path, code: 'unknown-attachment', message: unknownMessage }];
    if (file.kind !== reference.kind) {
      return [{ path, code: 'attachment-kind-mismatch', message: kindMessage(reference.kind) }];
    }
    if (file.rejected) return [{ path, code: 'attachment-rejected', message: rejectedMessage }];
    return [];
  });
}

const unknownMessage =
  'Ce document ne fait pas partie des fichiers déposés pour ce dossier : déposez-le à nouveau.';
const rejectedMessage =
  'Ce document a été refusé par le contrôle antivirus : déposez-en une autre version.';
const kindMessage = (kind: AttachmentKind): string =>
  `Ce document n’a pas été déposé comme « ${attachmentKindLabels[kind]} » : déposez-le avec ce type, ou corrigez le type indiqué.`;
