import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { necLocalDossierSchema, budgetSchema } from '@nec/domain';
import { useZodForm } from '../src/forms/use-zod-form.js';
import { errorsUnder, fieldId, validateWith } from '../src/forms/field-errors.js';
import ErrorSummary from '../src/forms/ErrorSummary.vue';

describe('useZodForm', () => {
  it('validates with the domain schema and reports each field by its path', () => {
    const form = useZodForm(budgetSchema, { expenses: [], resources: [] });
    expect(form.validate()).toBeNull();
    expect(form.errorOf('expenses')).toBe('Indiquez au moins une dépense prévue.');
    expect(form.summary.value.map((e) => e.id)).toContain('champ-expenses');
  });

  it('re-checks on change only after a first submit', () => {
    const form = useZodForm(budgetSchema, { expenses: [], resources: [] });
    form.revalidate();
    expect(form.summary.value).toEqual([]);
    form.validate();
    form.values.expenses.push({ category: 'logistics', label: 'Salle', amountCents: 10000 });
    form.revalidate();
    expect(form.errorOf('expenses')).toBeUndefined();
    expect(form.errorOf('resources')).toBeDefined();
  });

  it('shows the API’s field errors on the same fields', () => {
    const form = useZodForm(budgetSchema, { expenses: [], resources: [] });
    form.setServerErrors([{ field: 'expenses.0.label', message: 'Décrivez cette dépense.' }]);
    expect(form.errorOf('expenses.0.label')).toBe('Décrivez cette dépense.');
  });
});

describe('field errors', () => {
  it('keeps the errors of one step', () => {
    const errors = validateWith(necLocalDossierSchema, {});
    const step = errorsUnder(errors, ['title', 'objective']);
    expect(Object.keys(step).sort()).toEqual(['objective', 'title']);
  });

  it('makes DOM ids from dot paths', () => {
    expect(fieldId('organisers.0.name')).toBe('champ-organisers-0-name');
    expect(fieldId('')).toBe('champ-formulaire');
  });
});

describe('ErrorSummary', () => {
  it('links each message to its field and takes focus when asked', async () => {
    const wrapper = mount(ErrorSummary, {
      props: { entries: [{ path: 'title', id: 'champ-title', message: 'Donnez un titre.' }] },
      attachTo: document.body,
    });
    expect(wrapper.find('a').attributes('href')).toBe('#champ-title');
    expect(wrapper.text()).toContain('(1)');
    await wrapper.setProps({ focusKey: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(document.activeElement).toBe(wrapper.element);
    wrapper.unmount();
  });
});
