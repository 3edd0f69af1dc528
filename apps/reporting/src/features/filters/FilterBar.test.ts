import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import FilterBar from './FilterBar.vue';

describe('FilterBar', () => {
  it('adds a région to the query and shows the active filters as removable tags', async () => {
    const wrapper = mount(FilterBar, {
      props: { query: { eventModes: ['online'] }, firstYear: 2019, lastYear: 2026 },
    });
    await wrapper.get('#filtre-regions').setValue('84');
    expect(wrapper.emitted('update')?.[0]).toEqual([{ eventModes: ['online'], regions: ['84'] }]);

    const tag = wrapper.get('button.fr-tag--dismiss');
    expect(tag.attributes('aria-label')).toBe('Retirer le filtre Format : Entièrement en ligne');
    await tag.trigger('click');
    expect(wrapper.emitted('update')?.[1]).toEqual([{}]);
  });

  it('sets whole years, never an inverted period', async () => {
    const wrapper = mount(FilterBar, {
      props: { query: { from: '2024-01-01', to: '2024-12-31' }, firstYear: 2019, lastYear: 2026 },
    });
    await wrapper.get('#filtre-debut').setValue('2022');
    expect(wrapper.emitted('update')?.[0]).toEqual([{ from: '2022-01-01', to: '2024-12-31' }]);
    await wrapper.get('#filtre-debut').setValue('2025');
    expect(wrapper.emitted('update')).toHaveLength(1);
  });
});
