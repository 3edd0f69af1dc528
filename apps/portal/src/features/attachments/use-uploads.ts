import { computed, reactive, ref } from 'vue';
import type { AttachmentDto } from '@nec/contracts';
import { attachments } from '@nec/contracts/attachments';
import { checkUpload, defaultUploadMaxBytes, formatFileSize, type UploadKind } from '@nec/domain';
import { describeError } from '@nec/ui';
import type { UploadProgress } from '@nec/api-client';
import { api } from '../../api/index.js';

/** One file chosen by the applicant, from the moment it leaves until it is sent or has failed. */
export type UploadEntry = {
  key: number;
  name: string;
  size: string;
  /** 0 to 100, while sending. */
  percent: number;
  status: 'sending' | 'sent' | 'failed';
  attachment: AttachmentDto | null;
};

export type Uploader = (
  file: File,
  onProgress: (progress: UploadProgress) => void,
) => Promise<AttachmentDto>;
export type Remover = (attachment: AttachmentDto) => Promise<void>;

/** Sends a file to the dossier as `kind`, telling the progress (see `api.upload`). */
export function dossierUploader(dossierId: string, kind: UploadKind): Uploader {
  return (file, onProgress) =>
    api.upload(attachments.upload, {
      params: { id: dossierId },
      fields: { kind },
      file,
      onProgress,
    });
}

export function dossierRemover(dossierId: string): Remover {
  return async (attachment) => {
    await api.attachments.remove({ params: { id: dossierId, attachmentId: attachment.id } });
  };
}

/**
 * The files of a form, sent as soon as they are chosen: each one is first checked against the
 * domain's limits (size, type: refused with the limit stated, never sent), then uploaded with
 * its progress. Refusals and failures are listed for an assertive announcement; the start and
 * the end of each upload for a polite one.
 */
export function useUploads(
  upload: Uploader,
  remove: Remover,
  maxBytes: number = defaultUploadMaxBytes,
) {
  const entries = ref<UploadEntry[]>([]);
  const problems = ref<string[]>([]);
  const announcement = ref('');
  let next = 0;

  const busy = computed(() => entries.value.some((e) => e.status === 'sending'));
  const sent = computed(() =>
    entries.value.flatMap((e) => (e.status === 'sent' && e.attachment ? [e.attachment] : [])),
  );

  async function send(file: File): Promise<void> {
    const entry = reactive<UploadEntry>({
      key: (next += 1),
      name: file.name,
      size: formatFileSize(file.size),
      percent: 0,
      status: 'sending',
      attachment: null,
    });
    entries.value.push(entry);
    try {
      entry.attachment = await upload(file, (p) => {
        entry.percent = Math.round(p.fraction * 100);
      });
      entry.percent = 100;
      entry.status = 'sent';
      announcement.value = `« ${file.name} » est envoyé.`;
    } catch (error) {
      entries.value = entries.value.filter((e) => e.key !== entry.key);
      problems.value.push(
        `« ${file.name} » n’a pas pu être envoyé : ${describeError(error).message}`,
      );
    }
  }

  /** Checks each file, then sends the accepted ones one after the other. */
  async function add(files: readonly File[]): Promise<void> {
    problems.value = [];
    const accepted: File[] = [];
    for (const file of files) {
      const refusal = checkUpload(file, maxBytes);
      if (refusal) problems.value.push(refusal.message);
      else accepted.push(file);
    }
    if (accepted.length > 0)
      announcement.value = `Envoi de ${accepted.length === 1 ? '1 fichier' : `${accepted.length} fichiers`} en cours.`;
    for (const file of accepted) await send(file);
  }

  async function discard(entry: UploadEntry): Promise<void> {
    problems.value = [];
    if (!entry.attachment) return;
    try {
      await remove(entry.attachment);
      entries.value = entries.value.filter((e) => e.key !== entry.key);
      announcement.value = `« ${entry.name} » est retiré.`;
    } catch (error) {
      problems.value.push(
        `« ${entry.name} » n’a pas pu être retiré : ${describeError(error).message}`,
      );
    }
  }

  /** Forgets the list (after the form was sent: the files belong to the answer now). */
  function clear(): void {
    entries.value = [];
    problems.value = [];
  }

  return { entries, problems, announcement, busy, sent, add, discard, clear, maxBytes };
}

export type Uploads = ReturnType<typeof useUploads>;
