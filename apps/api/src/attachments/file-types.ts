import { fileTypeFromBuffer } from 'file-type';

/**
 * The file types accepted as attachments, recognised from their bytes (magic numbers, and for
 * the zip-based office formats the `mimetype` entry or `[Content_Types].xml`), never from the
 * file name or the Content-Type the client declares.
 */
export const acceptedFileTypes = [
  { mime: 'application/pdf', ext: 'pdf' },
  { mime: 'image/png', ext: 'png' },
  { mime: 'image/jpeg', ext: 'jpg' },
  { mime: 'image/webp', ext: 'webp' },
  { mime: 'application/vnd.oasis.opendocument.text', ext: 'odt' },
  { mime: 'application/vnd.oasis.opendocument.spreadsheet', ext: 'ods' },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
] as const;

export type AcceptedFileType = (typeof acceptedFileTypes)[number];

/** The accepted type of these bytes, or null (unknown, or known but not accepted). */
export async function detectAcceptedType(bytes: Uint8Array): Promise<AcceptedFileType | null> {
  const found = await fileTypeFromBuffer(bytes);
  return acceptedFileTypes.find((t) => t.mime === found?.mime) ?? null;
}

/** The extension served for a stored type (a type accepted earlier and dropped since: `bin`). */
export function extensionOf(mime: string): string {
  return acceptedFileTypes.find((t) => t.mime === mime)?.ext ?? 'bin';
}
