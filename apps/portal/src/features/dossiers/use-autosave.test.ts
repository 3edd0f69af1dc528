import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, nextTick, reactive, ref } from 'vue';
import { useAutosave } from './use-autosave.js';

type Content = Record<string, unknown>;

/** A page holding a form autosaved by `useAutosave`, its saves recorded. */
function page(editable = true) {
  const saves: Content[] = [];
  const open = ref(editable);
  const values = reactive<Content>({});
  let saving!: ReturnType<typeof useAutosave>;
  const wrapper = mount(
    defineComponent({
      setup() {
        saving = useAutosave({
          key: 'nec:essai',
          save: async (version, content) => {
            await Promise.resolve();
            saves.push(content);
            return { version: version + 1, updatedAt: '2026-05-04T12:32:00.000Z' };
          },
          read: () => structuredClone({ ...values }),
          values: () => values,
          replace: (content) => Object.assign(values, content),
          editable: () => open.value,
        });
        return () => null;
      },
    }),
  );
  const load = async (content: Content) => {
    saving.replace(content);
    saving.start(1, content);
    await nextTick();
  };
  return { saves, open, values, saving, wrapper, load };
}

beforeEach(() => {
  vi.useFakeTimers();
  window.localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useAutosave', () => {
  it('never writes on opening, saves each real edit after a pause', async () => {
    const { saves, values, saving, wrapper, load } = page();
    await load({ title: 'Fête des communs' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toEqual([]);
    expect(saving.recovered.value).toBe('none');

    values.title = 'Fête des communs du Val';
    await nextTick();
    expect(saving.autosave.value?.state.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toEqual([{ title: 'Fête des communs du Val' }]);
    expect(saving.autosave.value?.state).toMatchObject({ status: 'saved', version: 2 });
    wrapper.unmount();
  });

  it('saves nothing while the form is not editable', async () => {
    const { saves, values, open, wrapper, load } = page(false);
    await load({ title: 'Déposé' });
    values.title = 'Modifié';
    await nextTick();
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toEqual([]);
    open.value = true;
    values.title = 'Modifié encore';
    await nextTick();
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toEqual([{ title: 'Modifié encore' }]);
    wrapper.unmount();
  });

  it('sends what is waiting when the page is left, and resends a local copy on opening', async () => {
    const first = page();
    await first.load({ title: 'Avant' });
    first.values.title = 'Tapé juste avant de partir';
    await nextTick();
    first.wrapper.unmount();
    await vi.advanceTimersByTimeAsync(0);
    expect(first.saves).toEqual([{ title: 'Tapé juste avant de partir' }]);

    // A copy kept on this device (a save lost on the way) is sent again when the form opens.
    window.localStorage.setItem(
      'nec:essai',
      JSON.stringify({ baseVersion: 1, content: { title: 'Perdu' }, at: '2026-05-04T12:00:00Z' }),
    );
    const second = page();
    await second.load({ title: 'Avant' });
    await vi.advanceTimersByTimeAsync(0);
    expect(second.saving.recovered.value).toBe('resent');
    expect(second.values.title).toBe('Perdu');
    expect(second.saves).toEqual([{ title: 'Perdu' }]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(second.saves).toHaveLength(1);
    second.wrapper.unmount();
  });
});
