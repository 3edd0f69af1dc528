import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';

export type AsyncData<T> = {
  data: ShallowRef<T | null>;
  error: Ref<unknown>;
  loading: Ref<boolean>;
  reload: () => Promise<void>;
};

/**
 * Loads data for a screen and keeps its three states (loading, error, data) for `AsyncState`.
 * A reload keeps the previous data shown while the new one comes.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  options: { immediate?: boolean } = {},
): AsyncData<T> {
  const data = shallowRef<T | null>(null);
  const error = ref<unknown>(null);
  const loading = ref(false);
  async function reload(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      data.value = await load();
    } catch (caught) {
      error.value = caught;
    } finally {
      loading.value = false;
    }
  }
  if (options.immediate !== false) void reload();
  return { data, error, loading, reload };
}
