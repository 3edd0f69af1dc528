import { computed, onScopeDispose, reactive, ref, shallowRef } from 'vue';
import { contract, type AttachmentDto } from '@nec/contracts';
import { checkBilanPhoto, uploadFieldIssues } from '@nec/domain';
import { describeError } from '@nec/ui';
import { api, ApiError } from '../../api/index.js';

/** The photo form's fields, where their errors land. */
export type PhotoField = 'file' | 'caption' | 'consent';

/** What became of a photo: stopped by the checks before sending, sent, or refused on the way. */
export type PhotoSendOutcome = 'invalid' | 'sent' | 'refused';

/** How often the list is read again while a photo waits for its virus scan, and how many times. */
const pollMs = 2_000;
const pollTimes = 30;

/**
 * The photos of a bilan: attachments of kind `bilan-photo` of the dossier. Each one is sent with
 * its caption and the applicant's word that the people shown agreed to its publication (the
 * domain's `uploadFieldIssues`), checked first against the domain's limits (`checkBilanPhoto`),
 * then uploaded with its progress; the list is read again while a scan is pending.
 */
export function useBilanPhotos(dossierId: string) {
  const photos = ref<AttachmentDto[]>([]);
  const loading = ref(true);
  const loadError = ref<unknown>(null);
  const caption = ref('');
  const consent = ref(false);
  const file = shallowRef<File | null>(null);
  const errors = reactive<Partial<Record<PhotoField, string>>>({});
  /** 0 to 100 while a photo is being sent, else null. */
  const percent = ref<number | null>(null);
  const problem = ref<string | null>(null);
  const announcement = ref('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let polls = 0;

  const pending = computed(() => photos.value.some((p) => p.scanStatus === 'pending'));

  async function load(): Promise<void> {
    loadError.value = null;
    try {
      const page = await api.attachments.list({
        params: { id: dossierId },
        query: { pageSize: 100 },
      });
      photos.value = page.items.filter((a) => a.kind === 'bilan-photo');
    } catch (error) {
      loadError.value = error;
    } finally {
      loading.value = false;
    }
    schedule();
  }

  /** While a photo is being scanned, its state is read again (a few times, then left). */
  function schedule(): void {
    clearTimeout(timer);
    if (!pending.value || polls >= pollTimes) return;
    polls += 1;
    timer = setTimeout(() => void load(), pollMs);
  }

  function clearErrors(): void {
    for (const key of Object.keys(errors) as PhotoField[]) delete errors[key];
    problem.value = null;
  }

  /** The domain's checks of the form, at their fields; true when the photo may be sent. */
  function check(): boolean {
    clearErrors();
    if (!file.value) errors.file = 'Choisissez une photo.';
    else {
      const refusal = checkBilanPhoto(file.value, photos.value.length);
      if (refusal) errors.file = refusal.message;
    }
    const fields = { kind: 'bilan-photo' as const, caption: caption.value, consent: consent.value };
    for (const issue of uploadFieldIssues(fields)) errors[issue.path] ??= issue.message;
    return Object.keys(errors).length === 0;
  }

  /**
   * A caption and a consent belong to one photo: once a photo went out, whatever the answer,
   * the next one starts from an empty form, its consent a fresh decision and never a box left
   * ticked. The file input's own value is cleared by its component, watching `file`.
   */
  function startAfresh(): void {
    file.value = null;
    caption.value = '';
    consent.value = false;
  }

  async function send(): Promise<PhotoSendOutcome> {
    if (!check() || !file.value) return 'invalid';
    const chosen = file.value;
    percent.value = 0;
    announcement.value = `Envoi de « ${chosen.name} » en cours.`;
    try {
      const photo = await api.upload(contract.attachments.upload, {
        params: { id: dossierId },
        fields: { kind: 'bilan-photo', caption: caption.value.trim(), consent: 'true' },
        file: chosen,
        onProgress: (p) => {
          percent.value = Math.round(p.fraction * 100);
        },
      });
      photos.value = [...photos.value, photo];
      startAfresh();
      announcement.value = `« ${chosen.name} » est envoyée. Pour la photo suivante, donnez sa légende et confirmez à nouveau l’accord des personnes.`;
      polls = 0;
      schedule();
      return 'sent';
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : {};
      for (const key of ['file', 'caption', 'consent'] as const)
        if (fields[key]) errors[key] = fields[key];
      if (Object.keys(errors).length === 0) problem.value = describeError(error).message;
      // Refused for its caption or consent: they stay, for the person to correct them.
      if (!errors.caption && !errors.consent) startAfresh();
      announcement.value = `« ${chosen.name} » n’a pas été envoyée.`;
      return 'refused';
    } finally {
      percent.value = null;
    }
  }

  async function remove(photo: AttachmentDto): Promise<void> {
    problem.value = null;
    try {
      await api.attachments.remove({ params: { id: dossierId, attachmentId: photo.id } });
      photos.value = photos.value.filter((p) => p.id !== photo.id);
      announcement.value = `La photo « ${photo.caption ?? photo.originalName} » est retirée.`;
    } catch (error) {
      problem.value = `La photo n’a pas pu être retirée : ${describeError(error).message}`;
    }
  }

  onScopeDispose(() => clearTimeout(timer));
  void load();
  return {
    photos,
    loading,
    loadError,
    reload: load,
    caption,
    consent,
    file,
    errors,
    percent,
    problem,
    announcement,
    send,
    remove,
  };
}

export type BilanPhotos = ReturnType<typeof useBilanPhotos>;
