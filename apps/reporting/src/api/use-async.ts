import { reactive, ref, shallowRef, watch, type WatchSource } from 'vue';

/** Reactive, so that a template can `v-bind` it on `AsyncState` as it is. */
export type AsyncData<T> = {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
};

/**
 * Loads a screen's data and keeps its three states for `AsyncState`, again whenever `source`
 * changes (the URL's filters); the previous figures stay shown while the new ones come, and an
 * answer that arrives after a newer request is dropped.
 */
export function useAsync<T>(load: () => Promise<T>, source?: WatchSource): AsyncData<T> {
  const data = shallowRef<T | null>(null);
  const error = ref<unknown>(null);
  const loading = ref(false);
  let latest = 0;
  async function reload(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const value = await load();
      if (ticket === latest) data.value = value;
    } catch (caught) {
      if (ticket === latest) error.value = caught;
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }
  if (source) watch(source, () => void reload(), { deep: true });
  void reload();
  return reactive({ data, error, loading, reload });
}
