import { computed, reactive, ref, shallowRef, toRaw } from 'vue';
import type { DossierDto } from '@nec/contracts';
import {
  evaluateEligibility,
  necLocalDossierSchema,
  toIsoDate,
  type Campaign,
  type NecLocalDossierDraft,
} from '@nec/domain';
import { validateWith } from '@nec/ui';
import { api } from '../../api/index.js';
import { withGroups } from './draft-shape.js';
import { useAutosave } from './use-autosave.js';

/** A plain copy of the draft without what the API keeps elsewhere (the charter acceptance). */
function plain(draft: NecLocalDossierDraft): Record<string, unknown> {
  const copy = structuredClone(toRaw(draft)) as Record<string, unknown>;
  delete copy.charterAcceptance;
  return copy;
}

/**
 * Everything the stepped form needs: the dossier and its campaign from the API, the draft being
 * edited (autosaved: `useAutosave`), the live eligibility and the field errors by the domain's
 * rules.
 */
export function useDossierForm(id: string) {
  const dossier = shallowRef<DossierDto | null>(null);
  const campaign = shallowRef<Campaign | null>(null);
  const draft: NecLocalDossierDraft = reactive(withGroups({}));
  const loadError = ref<unknown>(null);
  const loading = ref(true);
  const saving = useAutosave({
    key: `nec:brouillon:${id}`,
    save: async (version, content) => {
      const saved = await api.dossiers.saveDraft({ params: { id }, body: { version, content } });
      return { version: saved.version, updatedAt: saved.updatedAt };
    },
    read: () => plain(draft),
    values: () => draft,
    replace: (content) => Object.assign(draft, withGroups(content)),
    editable: () => dossier.value?.state === 'draft',
  });

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = null;
    try {
      const d = await api.dossiers.get({ params: { id } });
      campaign.value = await api.campaigns.get({ params: { id: d.campaignId } });
      dossier.value = d;
      saving.replace(d.content);
      saving.start(d.version, plain(withGroups(d.content)));
    } catch (error) {
      loadError.value = error;
    } finally {
      loading.value = false;
    }
  }

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
    autosave: saving.autosave,
    recovered: saving.recovered,
    eligibility,
    errors,
    setCharterAcceptance,
    setDossier,
  };
}

export type DossierForm = ReturnType<typeof useDossierForm>;
