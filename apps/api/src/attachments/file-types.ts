import { acceptedUploadTypes } from '@nec/domain';
import { fileTypeFromBuffer } from 'file-type';

/**
 * The file types accepted as attachments (the domain's list, which the apps also read to refuse
 * a file before sending it), recognised from their bytes (magic numbers, and for the zip-based
 * office formats the `mimetype` entry or `[Content_Types].xml`), never from the file name or the
 * Content-Type the client declares.
 */
export const acceptedFileTypes = acceptedUploadTypes;

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
