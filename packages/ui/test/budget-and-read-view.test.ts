import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { exampleNecLocalDossier } from '@nec/domain';
import BudgetTable from '../src/budget/BudgetTable.vue';
import DossierReadView from '../src/dossier/DossierReadView.vue';
import { balanceWords, draftBudgetTotals } from '../src/budget/draft-totals.js';
import { describeError } from '../src/states/describe-error.js';

describe('budget', () => {
  it('totals a draft with unfilled amounts counted as zero', () => {
    const totals = draftBudgetTotals({
      expenses: [{ amountCents: 125050 }, { label: 'pas encore chiffré' }],
      resources: [{ kind: 'anct-subsidy', amountCents: 100000 }],
    });
    expect(totals).toEqual({
      expensesCents: 125050,
      resourcesCents: 100000,
      subsidyCents: 100000,
      balanceCents: -25050,
    });
    expect(balanceWords(totals.balanceCents)).toMatch(/^Il manque 250,50\s€ de ressources$/);
  });

  it('reads a budget in euros with its balance', () => {
    const wrapper = mount(BudgetTable, { props: { budget: exampleNecLocalDossier().budget } });
    expect(wrapper.findAll('caption').map((c) => c.text())).toEqual([
      'Dépenses prévues',
      'Ressources prévues',
    ]);
    expect(wrapper.find('[data-testid="budget-solde"]').text()).toBe('Budget équilibré');
  });
});

describe('DossierReadView', () => {
  it('shows every section of a NEC local dossier in words', () => {
    const wrapper = mount(DossierReadView, { props: { content: exampleNecLocalDossier() } });
    const text = wrapper.text();
    expect(text).toContain('Les Communs en partage');
    expect(text).toContain('Budget prévisionnel');
    expect(text).toContain('Structure porteuse');
    expect(wrapper.findAll('h2')).toHaveLength(10);
  });

  it('says "—" for what is not filled in yet', () => {
    const wrapper = mount(DossierReadView, { props: { content: {} } });
    expect(wrapper.text()).toContain('Titre—');
  });
});

describe('describeError', () => {
  it('tells the service is down on a network failure or a 502', () => {
    expect(describeError(new TypeError('Failed to fetch')).unavailable).toBe(true);
    expect(describeError(Object.assign(new Error('x'), { status: 502 })).unavailable).toBe(true);
  });
  it('shows the API’s own message otherwise', () => {
    const error = Object.assign(new Error('Ce dossier a déjà été déposé.'), { status: 409 });
    expect(describeError(error)).toMatchObject({
      unavailable: false,
      message: 'Ce dossier a déjà été déposé.',
      retryable: true,
    });
  });
  it('never invites to retry a missing page or a refused access', () => {
    const missing = Object.assign(new Error('Ce dossier est introuvable.'), { status: 404 });
    expect(describeError(missing)).toMatchObject({ title: 'Page introuvable', retryable: false });
    expect(describeError(Object.assign(new Error('x'), { status: 403 })).retryable).toBe(false);
    expect(describeError(new TypeError('Failed to fetch')).retryable).toBe(true);
  });
});
