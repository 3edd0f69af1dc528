import { computed, ref, shallowRef, toRaw, watch } from 'vue';
import type { BilanDto } from '@nec/contracts';
import {
  applyTransition,
  necLocalBilanSchema,
  lineTotals,
  toIsoDate,
  type NecLocalBilanDraft,
  type TransitionContext,
} from '@nec/domain';
import { failureMessage, useZodForm } from '@nec/ui';
import { api, ApiError } from '../../api/index.js';
import { useAutosave } from '../dossiers/use-autosave.js';
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
 * (`useAutosave`: local copy, network and session failures, 409 as a choice), then submitted.
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
  const pending = ref(false);
  const failure = ref<string | null>(null);
  const focusKey = ref(0);
  const today = toIsoDate(new Date());
  const key = `nec:bilan:${id}`;

  /** What is saved and submitted: the form without its blanks. */
  const content = () => compact(structuredClone(toRaw(values))) as Record<string, unknown>;

  const state = computed(() => (bilan.value ? bilanOpen(bilan.value, today) : null));
  const editable = computed(() => state.value?.open === true);
  const saving = useAutosave({
    key,
    save: async (version, body) => {
      const saved = await api.bilans.save({ params: { id }, body: { version, content: body } });
      return { version: saved.version, updatedAt: saved.updatedAt };
    },
    read: content,
    values: () => values,
    replace: (next) => {
      const shaped = withBilanGroups(next) as Record<string, unknown>;
      const target = values as Record<string, unknown>;
      for (const key of Object.keys(target)) if (!(key in shaped)) delete target[key];
      Object.assign(target, shaped);
    },
    editable: () => editable.value,
  });
  const autosave = saving.autosave;
  // Detailed in lines, the budget's totals are their sums (the domain's rule): typed once.
  watch(
    () => values.budget?.lines,
    (lines) => {
      if (lines && values.budget) Object.assign(values.budget, lineTotals(lines));
    },
    { deep: true },
  );

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = null;
    try {
      const b = await api.bilans.get({ params: { id } });
      bilan.value = b;
      saving.replace(b.bilan);
      saving.start(b.version, compact(withBilanGroups(b.bilan)) as Record<string, unknown>);
    } catch (error) {
      loadError.value = error;
    } finally {
      loading.value = false;
    }
  }

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
      saving.replace(submitted.bilan);
      window.localStorage.removeItem(key);
      return true;
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        form.setServerErrors(error.fieldErrors);
        focusKey.value += 1;
      } else failure.value = failureMessage(error, { typed: true });
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
    recovered: saving.recovered,
    state,
    editable,
    submit,
    pending,
    failure,
    focusKey,
  };
}

export type BilanForm = ReturnType<typeof useBilanForm>;
