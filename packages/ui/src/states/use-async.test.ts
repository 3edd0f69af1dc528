import { describe, expect, it, vi } from 'vitest';
import { defineComponent, effectScope, h, nextTick, ref } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { ApiError } from '@nec/api-client/core';
import AsyncState from './AsyncState.vue';
import { describeError } from './describe-error.js';
import { asApiError, useAsync } from './use-async.js';

/** A load whose answers the test gives, one call after the other, in any order. */
function controlledLoad<T>() {
  const calls: {
    resolve: (value: T) => void;
    reject: (error: unknown) => void;
    signal: AbortSignal;
  }[] = [];
  const load = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => calls.push({ resolve, reject, signal }));
  return { load, calls };
}

const notFound = new ApiError(404, {
  error: 'not-found',
  message: 'Ce dossier n’existe pas.',
  fields: [],
});

const conflict = new ApiError(409, {
  error: 'conflict',
  message: 'Ce dossier a changé entre-temps.',
  fields: [],
});

describe('useAsync', () => {
  it('loads at once: loading, then ready with the data', async () => {
    const { load, calls } = controlledLoad<string>();
    const state = useAsync(load);
    expect(state.status).toBe('loading');
    expect(state.loading).toBe(true);
    expect(state.data).toBeNull();
    calls[0]!.resolve('appels');
    await flushPromises();
    expect(state.status).toBe('ready');
    expect(state.loading).toBe(false);
    expect(state.data).toBe('appels');
    expect(state.error).toBeNull();
  });

  it('stays idle until the first reload when not immediate', async () => {
    const { load, calls } = controlledLoad<number>();
    const state = useAsync(load, { immediate: false });
    expect(state.status).toBe('idle');
    expect(state.loading).toBe(false);
    expect(calls).toHaveLength(0);
    const done = state.reload();
    expect(state.status).toBe('loading');
    calls[0]!.resolve(3);
    await done;
    expect(state.data).toBe(3);
  });

  it('drops the answer of a load that a newer one overtook, and aborts its request', async () => {
    const { load, calls } = controlledLoad<string>();
    const state = useAsync(load);
    void state.reload();
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(calls[1]!.signal.aborted).toBe(false);
    calls[1]!.resolve('2025');
    await flushPromises();
    calls[0]!.resolve('2024');
    await flushPromises();
    expect(state.data).toBe('2025');
    expect(state.status).toBe('ready');
  });

  it('drops a late failure once a newer load answered', async () => {
    const { load, calls } = controlledLoad<string>();
    const state = useAsync(load);
    void state.reload();
    calls[1]!.resolve('à jour');
    await flushPromises();
    calls[0]!.reject(notFound);
    await flushPromises();
    expect(state.status).toBe('ready');
    expect(state.error).toBeNull();
  });

  it('keeps the API’s typed error as it is', async () => {
    const state = useAsync(() => Promise.reject(notFound));
    await flushPromises();
    expect(state.status).toBe('error');
    expect(state.error).toBe(notFound);
    if (state.status === 'error') expect(state.error.code).toBe('not-found');
  });

  it('turns anything else thrown into an ApiError shown as "service unavailable"', async () => {
    const bug = new TypeError('x is undefined');
    const state = useAsync(() => Promise.reject(bug));
    await flushPromises();
    expect(state.error).toBeInstanceOf(ApiError);
    expect(state.error?.status).toBe(0);
    expect(state.error?.cause).toBe(bug);
    expect(describeError(state.error).unavailable).toBe(true);
    expect(asApiError(notFound)).toBe(notFound);
  });

  it('reloads: keeps the previous data on screen, clears the error, then shows the new data', async () => {
    const { load, calls } = controlledLoad<string>();
    const state = useAsync(load);
    calls[0]!.reject(notFound);
    await flushPromises();
    expect(state.status).toBe('error');
    const first = state.reload();
    expect(state.error).toBeNull();
    expect(state.status).toBe('loading');
    calls[1]!.resolve('premier');
    await first;
    void state.reload();
    expect(state.data).toBe('premier');
    expect(state.loading).toBe(true);
    calls[2]!.reject(new ApiError(503, { error: 'down', message: 'Indisponible.', fields: [] }));
    await flushPromises();
    expect(state.status).toBe('error');
    expect(state.data).toBe('premier');
  });

  it('resolves an overtaken reload only once the latest load has settled', async () => {
    const { load, calls } = controlledLoad<string>();
    const state = useAsync(load, { immediate: false });
    let firstDone = false;
    void state.reload().then(() => (firstDone = true));
    const second = state.reload();
    calls[0]!.resolve('ancien');
    await flushPromises();
    expect(firstDone).toBe(false);
    calls[1]!.resolve('récent');
    await second;
    await flushPromises();
    expect(firstDone).toBe(true);
    expect(state.data).toBe('récent');
  });

  it('loads again when its source changes, deeply', async () => {
    const filters = ref({ regions: ['84'] });
    const asked: string[] = [];
    const state = useAsync(
      () => {
        asked.push(filters.value.regions.join());
        return Promise.resolve(filters.value.regions.length);
      },
      { watch: filters },
    );
    await flushPromises();
    filters.value.regions.push('11');
    await nextTick();
    await flushPromises();
    expect(asked).toEqual(['84', '84,11']);
    expect(state.data).toBe(2);
  });

  it('puts data the screen already has, dropping a load still on its way', async () => {
    const { load, calls } = controlledLoad<string[]>();
    const state = useAsync(load);
    calls[0]!.resolve(['bonjour']);
    await flushPromises();
    void state.reload();
    state.set(['bonjour', 'merci']);
    expect(calls[1]!.signal.aborted).toBe(true);
    expect(state.status).toBe('ready');
    calls[1]!.resolve(['bonjour']);
    await flushPromises();
    expect(state.data).toEqual(['bonjour', 'merci']);
  });

  it('drops the answer once its scope is gone (the component unmounted)', async () => {
    const { load, calls } = controlledLoad<string>();
    const scope = effectScope();
    const state = scope.run(() => useAsync(load))!;
    let settled = false;
    void state.reload().then(() => (settled = true));
    scope.stop();
    expect(calls[1]!.signal.aborted).toBe(true);
    calls[1]!.resolve('trop tard');
    calls[0]!.reject(notFound);
    await flushPromises();
    expect(settled).toBe(true);
    expect(state.data).toBeNull();
    expect(state.error).toBeNull();
  });
});

describe('AsyncState bound to a useAsync state', () => {
  function screen(load: () => Promise<string[]>) {
    return mount(
      defineComponent(() => {
        const state = useAsync(load);
        return () =>
          h(
            AsyncState<string[]>,
            {
              ...state,
              loadingLabel: 'Chargement des appels…',
              empty: (items: string[]) => items.length === 0,
              onRetry: state.reload,
            },
            {
              default: ({ data }: { data: string[] }) => h('p', data.join(', ')),
              empty: () => h('p', 'Aucun appel.'),
            },
          );
      }),
    );
  }

  it('shows loading then the data, and no warning about the state’s other keys', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let answer: (items: string[]) => void = () => undefined;
    const wrapper = screen(() => new Promise((resolve) => (answer = resolve)));
    expect(wrapper.get('[role="status"]').text()).toBe('Chargement des appels…');
    answer(['Appel 2026']);
    await flushPromises();
    expect(wrapper.text()).toBe('Appel 2026');
    // Vue would warn of `status`, `reload` and `set` as attributes it cannot place.
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('shows the empty slot, and the error with a retry that loads again', async () => {
    let calls = 0;
    const wrapper = screen(() => (++calls === 1 ? Promise.reject(conflict) : Promise.resolve([])));
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('Ce dossier a changé entre-temps.');
    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(calls).toBe(2);
    expect(wrapper.text()).toBe('Aucun appel.');
  });

  it('offers no retry under a missing page: trying again cannot bring it back', async () => {
    const wrapper = screen(() => Promise.reject(notFound));
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('Ce dossier n’existe pas.');
    expect(wrapper.find('button').exists()).toBe(false);
  });
});
