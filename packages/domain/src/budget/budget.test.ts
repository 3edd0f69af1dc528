import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeIssues } from '../shared/issues.js';
import {
  type Budget,
  budgetDraftSchema,
  budgetSchema,
  budgetTotals,
  expenseCategories,
  type ResourceKind,
  resourceKinds,
} from './budget.js';

const budget: Budget = {
  expenses: [
    { category: 'logistics', label: 'Location de la salle', amountCents: 600_000 },
    { category: 'programming', label: 'Défraiement des intervenants', amountCents: 500_000 },
    { category: 'communication', label: 'Affiches et programme', amountCents: 300_000 },
  ],
  resources: [
    { kind: 'own-funds', label: 'Fonds propres', amountCents: 500_000 },
    {
      kind: 'co-financing',
      label: 'Département',
      funder: 'Département fictif',
      amountCents: 400_000,
    },
    { kind: 'anct-subsidy', label: 'Subvention NEC', amountCents: 500_000 },
  ],
};

describe('budgetSchema', () => {
  it('accepts a complete budget', () => {
    expect(budgetSchema.safeParse(budget).success).toBe(true);
  });

  it('requires at least one expense and one resource line', () => {
    const result = budgetSchema.safeParse({ expenses: [], resources: [] });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!).map((i) => i.path)).toEqual(['expenses', 'resources']);
  });

  it('reports every bad line with its path and a French message', () => {
    const result = budgetSchema.safeParse({
      expenses: [{ category: 'travel', label: '  ', amountCents: 10.5 }],
      resources: [{ kind: 'co-financing', label: 'Région', amountCents: -1 }],
    });
    const issues = describeIssues(result.error!);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['expenses.0.category', 'invalid_value'],
      ['expenses.0.label', 'required'],
      ['expenses.0.amountCents', 'invalid_type'],
      ['resources.0.amountCents', 'too_small'],
      ['resources.0.funder', 'funder-required'],
    ]);
    expect(issues.find((i) => i.path === 'expenses.0.label')?.message).toBe(
      'Décrivez cette dépense.',
    );
  });

  it('does not ask for a funder of own funds', () => {
    const ownFunds = { kind: 'own-funds', label: 'Fonds propres', amountCents: 100 };
    const result = budgetSchema.safeParse({ ...budget, resources: [ownFunds] });
    expect(result.success).toBe(true);
  });
});

describe('budgetDraftSchema', () => {
  it('accepts an empty draft and half-filled lines', () => {
    expect(budgetDraftSchema.safeParse({}).success).toBe(true);
    expect(
      budgetDraftSchema.safeParse({ expenses: [{ label: '' }, null], resources: [{ kind: '' }] })
        .success,
    ).toBe(true);
  });

  it('still reports a wrong amount', () => {
    const result = budgetDraftSchema.safeParse({ expenses: [{ amountCents: 'cent' }] });
    expect(describeIssues(result.error!).map((i) => i.path)).toEqual(['expenses.0.amountCents']);
  });
});

const amount = fc.integer({ min: 0, max: 10_000_000_00 });
const expenseLine = fc.record({
  category: fc.constantFrom(...expenseCategories),
  label: fc.constant('Dépense'),
  amountCents: amount,
});
const resourceLine = fc.record({
  kind: fc.constantFrom(...resourceKinds),
  label: fc.constant('Ressource'),
  funder: fc.constant('Financeur'),
  amountCents: amount,
});
const arbitraryBudget: fc.Arbitrary<Budget> = fc.record({
  expenses: fc.array(expenseLine, { maxLength: 12 }),
  resources: fc.array(resourceLine, { maxLength: 12 }),
});

const sumOf = (budget: Budget, kind: ResourceKind) =>
  budget.resources.filter((l) => l.kind === kind).reduce((a, l) => a + l.amountCents, 0);

describe('budgetTotals', () => {
  it('adds up a known budget', () => {
    expect(budgetTotals(budget)).toEqual({
      expensesCents: 1_400_000,
      resourcesCents: 1_400_000,
      subsidyCents: 500_000,
      ownFundsCents: 500_000,
      coFinancingCents: 400_000,
      balanceCents: 0,
    });
  });

  it('is all zeros for an empty budget', () => {
    expect(budgetTotals({ expenses: [], resources: [] })).toEqual({
      expensesCents: 0,
      resourcesCents: 0,
      subsidyCents: 0,
      ownFundsCents: 0,
      coFinancingCents: 0,
      balanceCents: 0,
    });
  });

  it('totals are the sums of the lines, and balance = resources − expenses', () => {
    fc.assert(
      fc.property(arbitraryBudget, (b) => {
        const totals = budgetTotals(b);
        expect(totals.expensesCents).toBe(b.expenses.reduce((a, l) => a + l.amountCents, 0));
        expect(totals.subsidyCents).toBe(sumOf(b, 'anct-subsidy'));
        expect(totals.ownFundsCents).toBe(sumOf(b, 'own-funds'));
        expect(totals.coFinancingCents).toBe(sumOf(b, 'co-financing'));
        expect(totals.resourcesCents).toBe(
          totals.subsidyCents + totals.ownFundsCents + totals.coFinancingCents,
        );
        expect(totals.balanceCents).toBe(totals.resourcesCents - totals.expensesCents);
      }),
    );
  });

  it('does not depend on the order of the lines', () => {
    fc.assert(
      fc.property(arbitraryBudget, (b) => {
        const reversed = {
          expenses: [...b.expenses].reverse(),
          resources: [...b.resources].reverse(),
        };
        expect(budgetTotals(reversed)).toEqual(budgetTotals(b));
      }),
    );
  });
});
