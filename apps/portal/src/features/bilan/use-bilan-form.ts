import { computed, onBeforeUnmount, ref, shallowRef, toRaw, watch } from 'vue';
import type { BilanDto } from '@nec/contracts';
import {
  applyTransition,
  necLocalBilanSchema,
  toIsoDate,
  type NecLocalBilanDraft,
  type TransitionContext,
} from '@nec/domain';
import { useZodForm } from '@nec/ui';
import { api, ApiError } from '../../api/index.js';
import { failureMessage } from '../account/use-submit.js';
import { createAutosave, type Autosave } from '../dossiers/autosave.js';
import { classifySaveError } from '../dossiers/use-dossier-form.js';
import { withBilanGroups } from './bilan-shape.js';
import { compactFor } from './compact.js';

const compact = compactFor(necLocalBilanSchema);

/** Whether the applicant may write and submit the bilan now, by the domain's workflow. */
export function bilanOpen(
  bilan: Pick<BilanDto, 'state' | 'dossierState' | 'planned'>,
  today: string,
): { open: true } | { open: false; reason: string | null } {
  if (bilan.state === 'submitted') return { open: false, reason: null };
  const { startDate, endDate } = bilan.planned;
  const context: TransitionContext = {
    today,
    ...(startDate ? { event: { startDate, ...(endDate ? { endDate } : {}) } } : {}),
  };
  const result = applyTransition(bilan.dossierState, 'submit-bilan', 'applicant', context);
  if (result.ok) return { open: true };
  return {
    open: false,
    reason: result.error.code === 'requirement-not-met' ? result.error.message : null,
  };
}

/**
 * The bilan form: loaded with what the dossier planned, validated by the domain's bilan schema
 * (`useZodForm`, the form's blanks left out by `compactFor`), autosaved as the dossier form is
 * (local copy, network and session failures, 409 as a choice), then submitted.
 */
export function useBilanForm(id: string) {
  const bilan = shallowRef<BilanDto | null>(null);
  const loading = ref(true);
  const loadError = ref<unknown>(null);
  const form = useZodForm<typeof necLocalBilanSchema, NecLocalBilanDraft>(
    necLocalBilanSchema,
    withBilanGroups({}),
    { prepare: compact },
  );
  const values = form.values;
  const autosave = shallowRef<Autosave | null>(null);
  const recovered = ref<'none' | 'resent' | 'conflict'>('none');
  const pending = ref(false);
  const failure = ref<string | null>(null);
  const focusKey = ref(0);
  const today = toIsoDate(new Date());
  // The form as last loaded or replaced: only a real edit is saved (opening never writes).
  let baseline = '';

  /** What is saved and submitted: the form without its blanks. */
  const content = () => compact(structuredClone(toRaw(values))) as Record<string, unknown>;

  function replace(next: Record<string, unknown>): void {
    const shaped = withBilanGroups(next) as Record<string, unknown>;
    const target = values as Record<string, unknown>;
    for (const key of Object.keys(target)) if (!(key in shaped)) delete target[key];
    Object.assign(target, shaped);
    baseline = JSON.stringify(values);
  }

  const state = computed(() => (bilan.value ? bilanOpen(bilan.value, today) : null));
  const editable = computed(() => state.value?.open === true);

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = null;
    try {
      const b = await api.bilans.get({ params: { id } });
      bilan.value = b;
      replace(b.bilan);
      autosave.value?.dispose();
      const saver = createAutosave(
        {
          save: async (version, body) => {
            const saved = await api.bilans.save({
              params: { id },
              body: { version, content: body },
            });
            return { version: saved.version, updatedAt: saved.updatedAt };
          },
          classify: classifySaveError,
          read: content,
          replace,
          storage: window.localStorage,
          key: `nec:bilan:${id}`,
        },
        b.version,
      );
      autosave.value = saver;
      recovered.value = editable.value
        ? saver.recover(compact(withBilanGroups(b.bilan)) as Record<string, unknown>)
        : 'none';
    } catch (error) {
      loadError.value = error;
    } finally {
      loading.value = false;
    }
  }

  watch(
    () => JSON.stringify(values),
    (json) => {
      if (json === baseline) return;
      baseline = json;
      if (editable.value) autosave.value?.changed();
    },
  );

  const onOnline = () => void autosave.value?.retry();
  window.addEventListener('online', onOnline);
  const retryTimer = setInterval(() => {
    if (autosave.value?.state.status === 'offline') void autosave.value.retry();
  }, 10_000);
  onBeforeUnmount(() => {
    window.removeEventListener('online', onOnline);
    clearInterval(retryTimer);
    void autosave.value?.flush();
    autosave.value?.dispose();
  });

  /**
   * Checks the whole bilan with the domain's schema (the error summary takes focus when it
   * fails), sends what is still waiting, then submits the saved version.
   */
  async function submit(): Promise<boolean> {
    failure.value = null;
    if (form.validate() === null) {
      focusKey.value += 1;
      return false;
    }
    const saver = autosave.value;
    if (!saver) return false;
    pending.value = true;
    try {
      await saver.flush();
      if (saver.state.status !== 'saved' && saver.state.status !== 'idle') {
        failure.value =
          'Le bilan n’a pas pu être enregistré : il sera déposé une fois l’enregistrement revenu (voir l’état ci-dessus).';
        return false;
      }
      const submitted = await api.bilans.submit({
        params: { id },
        body: { version: saver.state.version },
      });
      bilan.value = submitted;
      replace(submitted.bilan);
      window.localStorage.removeItem(`nec:bilan:${id}`);
      return true;
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        form.setServerErrors(error.fieldErrors);
        focusKey.value += 1;
      } else failure.value = failureMessage(error);
      return false;
    } finally {
      pending.value = false;
    }
  }

  void load();
  return {
    bilan,
    loading,
    loadError,
    reload: load,
    form,
    values,
    autosave,
    recovered,
    state,
    editable,
    submit,
    pending,
    failure,
    focusKey,
  };
}

export type BilanForm = ReturnType<typeof useBilanForm>;
