import { getCurrentScope, onScopeDispose, reactive, ref, shallowRef, watch } from 'vue';
import type { WatchSource } from 'vue';
import { ApiError } from '@nec/api-client/core';

/** Where a screen's data stands: not asked yet, on its way, here, or failed. */
export type AsyncStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The state of loaded data, one shape per status. While loading and after a failure the
 * previous data stay (a reload does not blank the screen); `loading` is `status === 'loading'`,
 * kept as its own key so that the state binds whole on `AsyncState` (`v-bind="state"`).
 */
export type AsyncSnapshot<T> =
  | { readonly status: 'idle'; readonly loading: false; readonly data: null; readonly error: null }
  | {
      readonly status: 'loading';
      readonly loading: true;
      readonly data: T | null;
      readonly error: null;
    }
  | { readonly status: 'ready'; readonly loading: false; readonly data: T; readonly error: null }
  | {
      readonly status: 'error';
      readonly loading: false;
      readonly data: T | null;
      readonly error: ApiError;
    };

/** A reactive object: read `state.data` in scripts, bind it whole on `AsyncState` in templates. */
export type AsyncData<T> = AsyncSnapshot<T> & {
  /**
   * Loads again. Resolves once the state has settled: if a newer load started meanwhile, once
   * that one has (so that what the caller does next sees the latest data).
   */
  reload: () => Promise<void>;
  /**
   * Puts data the screen already has (the API's answer to an action, a message just sent):
   * a load still on its way is dropped, since its answer is older.
   */
  set: (value: T) => void;
};

export type AsyncOptions = {
  /** Loads again whenever it changes (deeply), e.g. the URL's filters or the page. */
  watch?: WatchSource | WatchSource[];
  /** `false`: stays `idle` until the first `reload()`. */
  immediate?: boolean;
};

/**
 * The client rejects with an `ApiError`; anything else thrown by a load (a bug in the screen's
 * own code) becomes one with status 0, which screens show as "service unavailable" as they did,
 * the original kept as `cause` for whoever debugs.
 */
export function asApiError(caught: unknown): ApiError {
  if (caught instanceof ApiError) return caught;
  const error = new ApiError(0, {
    error: 'client-error',
    message: 'La demande n’a pas abouti. Réessayez dans quelques instants.',
    fields: [],
  });
  error.cause = caught;
  return error;
}

/**
 * Loads a screen's data and keeps its states for `AsyncState`. Only the latest load counts:
 * an answer that arrives after a newer load started, after `set`, or once the component is gone
 * is dropped, and its request aborted through the `signal` given to `load`.
 */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  options: AsyncOptions = {},
): AsyncData<T> {
  const status = ref<AsyncStatus>('idle');
  const data = shallowRef<T | null>(null);
  const error = shallowRef<ApiError | null>(null);
  const loading = ref(false);
  let ticket = 0;
  let controller: AbortController | null = null;
  /** The latest `reload()`'s promise: earlier callers wait for it too. */
  let latest: Promise<void> | null = null;

  function settle(next: AsyncStatus): void {
    status.value = next;
    loading.value = next === 'loading';
  }

  /** Drops whatever load is on its way. */
  function drop(): void {
    ticket += 1;
    controller?.abort();
    controller = null;
    latest = null;
  }

  async function fetchOnce(): Promise<void> {
    drop();
    const mine = ticket;
    const own = new AbortController();
    controller = own;
    error.value = null;
    settle('loading');
    try {
      const value = await load(own.signal);
      if (mine !== ticket) return;
      data.value = value;
      settle('ready');
    } catch (caught) {
      if (mine !== ticket) return;
      error.value = asApiError(caught);
      settle('error');
    } finally {
      if (mine === ticket) controller = null;
    }
  }

  function reload(): Promise<void> {
    const settled: Promise<void> = fetchOnce().then(() =>
      latest !== null && latest !== settled ? latest : undefined,
    );
    latest = settled;
    return settled;
  }

  function set(value: T): void {
    drop();
    data.value = value;
    error.value = null;
    settle('ready');
  }

  if (options.watch) watch(options.watch, () => void reload(), { deep: true });
  if (getCurrentScope()) onScopeDispose(drop);
  if (options.immediate !== false) void reload();
  const state = reactive({ status, data, error, loading, reload, set });
  return state as unknown as AsyncData<T>;
}
