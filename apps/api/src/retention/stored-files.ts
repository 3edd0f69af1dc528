import { addMonths } from '@nec/domain';
import type { Logger } from '@nestjs/common';
import type { AttachmentStorage } from '../attachments/storage/attachment-storage.js';

/** Where a retention of `months` ends: the same instant of the day, `months` earlier. */
export function monthsBefore(now: Date, months: number): Date {
  const iso = now.toISOString();
  return new Date(`${addMonths(iso.slice(0, 10), -months)}${iso.slice(10)}`);
}

/**
 * Deletes a purged dossier's stored files one by one; returns how many went. The rows were
 * committed first, so a file the storage refuses is only an unreachable leftover: it is logged
 * with its key, for the operators, and the purge goes on.
 */
export async function deleteStoredFiles(
  storage: AttachmentStorage,
  logger: Logger,
  dossierId: string,
  storageKeys: readonly string[],
  whose: string,
): Promise<number> {
  let deleted = 0;
  for (const storageKey of storageKeys) {
    try {
      await storage.delete(storageKey);
      deleted += 1;
    } catch (error) {
      logger.error(
        { err: error, dossierId, storageKey },
        `Fichier ${storageKey} ${whose} non supprimé du stockage`,
      );
    }
  }
  return deleted;
}
