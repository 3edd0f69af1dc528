import { describe, expect, it } from 'vitest';
import { type Budget } from '../budget/index.js';
import { describeIssues } from '../shared/issues.js';
import {
  actualBudgetSchema,
  actualLinesFrom,
  lineTotals,
  plannedAmountsOf,
} from './actual-budget.js';

const planned: Budget = {
  expenses: [
    { category: 'logistics', label: 'Salle', amountCents: 500_000 },
    { category: 'communication', label: 'Affiches', amountCents: 100_000 },
  ],
  resources: [
    { kind: 'co-financing', label: 'Région', funder: 'Région Grand Est', amountCents: 200_000 },
    { kind: 'anct-subsidy', label: 'Subvention', amountCents: 400_000 },
  ],
};

const issuesOf = (input: unknown) => {
  const parsed = actualBudgetSchema.safeParse(input);
  return parsed.success ? [] : describeIssues(parsed.error);
};

describe('actual budget lines', () => {
  it('sums the lines as the stated totals, untyped amounts counting as zero', () => {
    expect(lineTotals(planned)).toEqual({
      expensesCents: 600_000,
      resourcesCents: 600_000,
      subsidyCents: 400_000,
    });
    expect(
      lineTotals({
        expenses: [{ amountCents: 1_000 }, { amountCents: null }, null],
        resources: [],
      }),
    ).toEqual({ expensesCents: 1_000, resourcesCents: 0, subsidyCents: 0 });
  });

  it('accepts a detailed budget whose totals are the lines’ sums', () => {
    expect(issuesOf({ ...lineTotals(planned), lines: planned })).toEqual([]);
  });

  it('says in French which stated total departs from the lines', () => {
    const issues = issuesOf({ ...lineTotals(planned), lines: planned, expensesCents: 650_000 });
    expect(issues.map((i) => [i.path, i.code])).toEqual([['expensesCents', 'total-mismatch']]);
    expect(issues[0]?.message).toMatch(/total des dépenses \(6\s500\s€\).*\(6\s000\s€\)/);
  });

  it('asks for at least one actual line of each side, at its path', () => {
    const issues = issuesOf({ expensesCents: 0, lines: { expenses: [], resources: [] } });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['lines.expenses', 'Indiquez au moins une dépense réalisée.'],
      ['lines.resources', 'Indiquez au moins une recette.'],
    ]);
  });

  it('starts from the planned lines with the amounts left to type', () => {
    const lines = actualLinesFrom(planned);
    expect(lines.expenses).toEqual([
      { category: 'logistics', label: 'Salle', amountCents: null },
      { category: 'communication', label: 'Affiches', amountCents: null },
    ]);
    expect(lines.resources?.[0]).toEqual({
      kind: 'co-financing',
      label: 'Région',
      funder: 'Région Grand Est',
      amountCents: null,
    });
  });

  it('finds each line’s planned amount by category and description, once each', () => {
    expect(
      plannedAmountsOf(planned.expenses, [
        { category: 'communication', label: ' affiches ' },
        { category: 'logistics', label: 'Traiteur' },
        { category: 'logistics', label: 'Salle' },
        { category: 'logistics', label: 'Salle' },
      ]),
    ).toEqual([100_000, null, 500_000, null]);
  });
});
