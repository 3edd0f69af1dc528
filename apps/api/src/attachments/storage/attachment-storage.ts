import type { Readable } from 'node:stream';

/**
 * Where the bytes of the attachments live. Keys are random UUIDs chosen by the API, never a
 * name coming from the user, so no path or object name can be steered by an upload.
 */
export interface AttachmentStorage {
  /** A short name for the logs: `disk`, `s3`. */
  readonly kind: string;
  put(key: string, body: Buffer | Readable): Promise<void>;
  /** The stored bytes as a stream; rejects if the key is unknown. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing an unknown key is not an error. */
  delete(key: string): Promise<void>;
}

/** Injection token of the configured storage. */
export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Refuses anything but a lower-case UUID as a storage key (defence in depth). */
export function assertStorageKey(key: string): void {
  if (!UUID.test(key)) throw new Error(`Invalid attachment storage key: ${JSON.stringify(key)}`);
}
