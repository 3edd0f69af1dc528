import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { h, reactive } from 'vue';
import { necIcons } from '@nec/ui/dsfr';
import EditableList from './EditableList.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

/** The buttons as they are named (an icon-only button by its title). */
const buttons = (wrapper: ReturnType<typeof mount>) =>
  wrapper.findAll('button').map((b) => b.attributes('title') ?? b.text());

describe('EditableList', () => {
  it('edits short texts: one field each, its error under it, focus on the one added', async () => {
    const items = reactive<(string | null)[]>(['Médiatrices']);
    const wrapper = mount(EditableList<string | null>, {
      attachTo: document.body,
      global: { plugins: [necIcons] },
      props: {
        modelValue: items,
        path: 'audiences.targets',
        legend: 'Publics visés',
        itemLabel: 'Public',
        addLabel: 'Ajouter un public',
        errors: {
          'audiences.targets': 'Au moins un public.',
          'audiences.targets.0': 'Trop court.',
        },
      },
    });
    expect(wrapper.get('#champ-audiences-targets-0').element).toHaveProperty(
      'value',
      'Médiatrices',
    );
    expect(wrapper.text()).toContain('Au moins un public.');
    expect(wrapper.text()).toContain('Trop court.');
    expect(buttons(wrapper)).toEqual(['Retirer public 1', 'Ajouter un public']);

    await wrapper.get('#champ-audiences-targets-0').setValue('Agents');
    expect(items).toEqual(['Agents']);
    await wrapper.findAll('button').at(-1)!.trigger('click');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(items).toEqual(['Agents', '']);
    expect(document.activeElement?.id).toBe('champ-audiences-targets-1');

    await wrapper.findAll('button')[0]!.trigger('click');
    expect(items).toEqual(['']);
    wrapper.unmount();
  });

  it('edits rows of the slot’s fields, each row named, focus on the first field added', async () => {
    const rows = reactive<{ role: string | null }[]>([]);
    const wrapper = mount(EditableList<{ role: string | null }>, {
      attachTo: document.body,
      global: { plugins: [necIcons] },
      props: {
        modelValue: rows,
        path: 'team',
        legend: 'Rôles tenus',
        itemLabel: 'Rôle',
        addLabel: 'Ajouter un rôle',
        errors: {},
        make: () => ({ role: null }),
        firstField: 'role',
      },
      slots: {
        default: ({ index }: { index: number }) => h('input', { id: `champ-team-${index}-role` }),
      },
    });
    await wrapper.get('button').trigger('click');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(rows).toEqual([{ role: null }]);
    expect(document.activeElement?.id).toBe('champ-team-0-role');
    expect(wrapper.get('.nec-row').text()).toContain('Rôle 1');
    expect(buttons(wrapper)).toEqual(['Retirer : rôle 1', 'Ajouter un rôle']);
    wrapper.unmount();
  });
});
