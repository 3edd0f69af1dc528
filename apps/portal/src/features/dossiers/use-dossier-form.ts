import { computed, onBeforeUnmount, reactive, ref, shallowRef, toRaw, watch } from 'vue';
import type { DossierDto } from '@nec/contracts';
import {
  evaluateEligibility,
  necLocalDossierSchema,
  toIsoDate,
  type Campaign,
  type NecLocalDossierDraft,
} from '@nec/domain';
import { describeError, validateWith } from '@nec/ui';
import { api, ApiError, ConflictError, SessionExpiredError } from '../../api/index.js';
import { createAutosave, type Autosave, type SaveFailure } from './autosave.js';
import { withGroups } from './draft-shape.js';

/** How a failed save reads for the autosave: conflict, offline, session expired, or an error. */
export function classifySaveError(error: unknown): SaveFailure {
  if (error instanceof ConflictError) {
    const content = error.current.content;
    return {
      kind: 'conflict',
      version: error.currentVersion,
      content:
        typeof content === 'object' && content !== null
          ? (content as Record<string, unknown>)
          : null,
    };
  }
  if (error instanceof SessionExpiredError) return { kind: 'session-expired' };
  if (error instanceof ApiError && error.status === 401) return { kind: 'session-expired' };
  if (describeError(error).unavailable) return { kind: 'offline' };
  return { kind: 'error', message: describeError(error).message };
}

/** A plain copy of the draft without what the API keeps elsewhere (the charter acceptance). */
function plain(draft: NecLocalDossierDraft): Record<string, unknown> {
  const copy = structuredClone(toRaw(draft)) as Record<string, unknown>;
  delete copy.charterAcceptance;
  return copy;
}

/**
 * Everything the stepped form needs: the dossier and its campaign from the API, the draft being
 * edited (autosaved), the live eligibility and the field errors by the domain's rules.
 */
export function useDossierForm(id: string) {
  const dossier = shallowRef<DossierDto | null>(null);
  const campaign = shallowRef<Campaign | null>(null);
  const draft: NecLocalDossierDraft = reactive(withGroups({}));
  const loadError = ref<unknown>(null);
  const loading = ref(true);
  const recovered = ref<'none' | 'resent' | 'conflict'>('none');
  let autosave: Autosave | null = null;
  const autosaveRef = shallowRef<Autosave | null>(null);
  // The draft as last loaded or replaced: only a real edit (a different content) is saved, so
  // opening the form never writes (and never races another tab into a conflict).
  let baseline = '';

  function replace(content: Record<string, unknown>): void {
    Object.assign(draft, withGroups(content));
    baseline = JSON.stringify(draft);
  }

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = null;
    try {
      const d = await api.dossiers.get({ params: { id } });
      campaign.value = await api.campaigns.get({ params: { id: d.campaignId } });
      dossier.value = d;
      replace(d.content);
      autosave?.dispose();
      autosave = createAutosave(
        {
          save: async (version, content) => {
            const saved = await api.dossiers.saveDraft({
              params: { id },
              body: { version, content },
            });
            return { version: saved.version, updatedAt: saved.updatedAt };
          },
          classify: classifySaveError,
          read: () => plain(draft),
          replace,
          storage: window.localStorage,
          key: `nec:brouillon:${id}`,
        },
        d.version,
      );
      autosaveRef.value = autosave;
      recovered.value =
        d.state === 'draft' ? autosave.recover(plain(withGroups(d.content))) : 'none';
    } catch (error) {
      loadError.value = error;
    } finally {
      loading.value = false;
    }
  }

  watch(
    () => JSON.stringify(draft),
    (json) => {
      if (json === baseline) return;
      baseline = json;
      if (dossier.value?.state === 'draft') autosave?.changed();
    },
  );

  const onOnline = () => void autosave?.retry();
  window.addEventListener('online', onOnline);
  // While offline, try again now and then: `online` is not fired for a server that comes back.
  const retryTimer = setInterval(() => {
    if (autosave?.state.status === 'offline') void autosave.retry();
  }, 10_000);
  onBeforeUnmount(() => {
    window.removeEventListener('online', onOnline);
    clearInterval(retryTimer);
    void autosave?.flush();
    autosave?.dispose();
  });

  /** The draft as the domain reads it, with the charter acceptance on record. */
  const evaluated = computed<NecLocalDossierDraft>(() => {
    const acceptance = dossier.value?.charterAcceptance;
    const value = JSON.parse(JSON.stringify(draft)) as NecLocalDossierDraft;
    return acceptance
      ? {
          ...value,
          charterAcceptance: {
            ...acceptance,
            acceptedBy: acceptance.acceptedBy ?? 'compte-supprime',
          },
        }
      : value;
  });
  const today = toIsoDate(new Date());
  const eligibility = computed(() =>
    campaign.value && campaign.value.callKind === 'nec-local'
      ? evaluateEligibility(evaluated.value, campaign.value, today)
      : null,
  );
  const errors = computed(() => validateWith(necLocalDossierSchema, evaluated.value));

  function setCharterAcceptance(acceptance: DossierDto['charterAcceptance']): void {
    if (dossier.value) dossier.value = { ...dossier.value, charterAcceptance: acceptance };
  }
  function setDossier(next: DossierDto): void {
    dossier.value = next;
  }

  void load();
  return {
    dossier,
    campaign,
    draft,
    loading,
    loadError,
    reload: load,
    autosave: autosaveRef,
    recovered,
    eligibility,
    errors,
    setCharterAcceptance,
    setDossier,
  };
}

export type DossierForm = ReturnType<typeof useDossierForm>;
