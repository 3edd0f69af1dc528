import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { reactive } from 'vue';
import type { BudgetDraft } from '@nec/domain';
import { necIcons } from '@nec/ui/dsfr';
import BudgetLines from './BudgetLines.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

const mountLines = (budget: BudgetDraft, more: Record<string, unknown> = {}) =>
  mount(BudgetLines, {
    attachTo: document.body,
    global: { plugins: [necIcons] },
    props: {
      side: 'expenses',
      budget,
      path: 'budget.lines.expenses',
      heading: 'Dépenses',
      errors: {},
      ...more,
    },
  });

describe('BudgetLines', () => {
  it('types amounts in euros into cents, totals them, adds and removes lines', async () => {
    const budget = reactive<BudgetDraft>({
      expenses: [{ category: 'logistics', label: 'Salle', amountCents: null }],
    });
    const wrapper = mountLines(budget);
    await wrapper.get('#champ-budget-lines-expenses-0-amountCents').setValue('1 250,50');
    expect(budget.expenses?.[0]?.amountCents).toBe(125_050);
    expect(wrapper.get('[data-testid="total-depenses"]').text()).toMatch(/^1\s250,50\s€$/);
    expect(wrapper.find('[data-testid="ligne-prevue"]').exists()).toBe(false);

    const add = wrapper.findAll('button').find((b) => b.text().includes('Ajouter une dépense'));
    await add!.trigger('click');
    expect(budget.expenses).toHaveLength(2);
    await wrapper.get('#champ-budget-lines-expenses-1-category').setValue('communication');
    expect(budget.expenses?.[1]?.category).toBe('communication');
    await wrapper.get('button[title="Retirer la dépense 1"]').trigger('click');
    expect(budget.expenses?.map((l) => l?.category)).toEqual(['communication']);
    wrapper.unmount();
  });

  it('shows each planned amount beside the actual one, and the domain’s errors by path', () => {
    const budget = reactive<BudgetDraft>({
      resources: [
        { kind: 'anct-subsidy', label: 'Subvention', amountCents: 450_000 },
        { kind: 'co-financing', label: 'Mécénat', amountCents: null },
      ],
    });
    const wrapper = mountLines(budget, {
      side: 'resources',
      path: 'budget.lines.resources',
      heading: 'Recettes',
      resourceNoun: 'recette',
      planned: [400_000, null],
      plannedTotal: 600_000,
      errors: { 'budget.lines.resources.1.funder': 'Indiquez qui apporte ce cofinancement.' },
    });
    const planned = wrapper.findAll('[data-testid="ligne-prevue"]').map((c) => c.text());
    expect(planned[0]).toMatch(/4\s000\s€/);
    expect(planned[1]).toContain('non prévu');
    expect(wrapper.text()).toContain('Indiquez qui apporte ce cofinancement.');
    expect(wrapper.text()).toContain('Ajouter une recette');
    expect(wrapper.text()).toMatch(/Total des recettes.*6\s000\s€.*4\s500\s€/s);
    wrapper.unmount();
  });
});
