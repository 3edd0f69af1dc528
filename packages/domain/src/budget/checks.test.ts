import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { euros, formatCents } from '../shared/money.js';
import { type Budget, expenseCategories, resourceKinds } from './budget.js';
import { type SubsidyBounds } from './bounds.js';
import {
  type BudgetCheck,
  checkAwardedAmount,
  checkBudget,
  isWithinCap,
  subsidyCapCents,
} from './checks.js';

const bounds: SubsidyBounds = { minCents: euros(2_500), maxCents: euros(5_000), capRatio: 0.8 };

/** A budget with one expense line of `totalCents`, own funds for the rest, and the subsidy. */
function budgetWith(totalCents: number, subsidyCents: number, resourcesCents = totalCents): Budget {
  return {
    expenses: [{ category: 'logistics', label: 'Salle', amountCents: totalCents }],
    resources: [
      { kind: 'own-funds', label: 'Fonds propres', amountCents: resourcesCents - subsidyCents },
      { kind: 'anct-subsidy', label: 'Subvention', amountCents: subsidyCents },
    ],
  };
}

function find(checks: BudgetCheck[], id: BudgetCheck['id']): BudgetCheck {
  const check = checks.find((c) => c.id === id);
  if (!check) throw new Error(`missing check ${id}`);
  return check;
}

const statusOf = (b: Budget, id: BudgetCheck['id']) => find(checkBudget(b, bounds), id).status;

/** French typography uses narrow no-break spaces; compare with plain spaces. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('checkBudget', () => {
  it('returns the four checks in order', () => {
    expect(checkBudget(budgetWith(euros(14_000), euros(5_000)), bounds).map((c) => c.id)).toEqual([
      'balanced',
      'subsidy-min',
      'subsidy-max',
      'subsidy-cap',
    ]);
  });

  it('passes a balanced budget and explains an unbalanced one both ways', () => {
    expect(statusOf(budgetWith(euros(14_000), euros(5_000)), 'balanced')).toBe('pass');
    const short = find(
      checkBudget(budgetWith(euros(14_000), euros(5_000), euros(13_000)), bounds),
      'balanced',
    );
    expect(short.status).toBe('fail');
    expect(plain(short.message)).toContain('il manque 1 000 €');
    expect(short.figures).toEqual({
      expensesCents: 1_400_000,
      resourcesCents: 1_300_000,
      balanceCents: -100_000,
    });
    const over = find(
      checkBudget(budgetWith(euros(14_000), euros(5_000), euros(14_500)), bounds),
      'balanced',
    );
    expect(over.status).toBe('fail');
    expect(plain(over.message)).toContain('dépassent les dépenses (14 000 €) de 500 €');
  });

  it('accepts exactly the minimum and refuses one euro less', () => {
    expect(statusOf(budgetWith(euros(10_000), euros(2_500)), 'subsidy-min')).toBe('pass');
    expect(statusOf(budgetWith(euros(10_000), euros(2_499)), 'subsidy-min')).toBe('fail');
    expect(statusOf(budgetWith(euros(10_000), euros(2_500) - 1), 'subsidy-min')).toBe('fail');
  });

  it('accepts exactly the maximum and refuses one euro more, quoting both amounts', () => {
    expect(statusOf(budgetWith(euros(10_000), euros(5_000)), 'subsidy-max')).toBe('pass');
    const over = find(checkBudget(budgetWith(euros(10_000), euros(5_001)), bounds), 'subsidy-max');
    expect(over.status).toBe('fail');
    expect(plain(over.message)).toBe(
      'La subvention demandée (5 001 €) dépasse le plafond de la campagne (5 000 €).',
    );
    expect(over.figures).toEqual({ subsidyCents: 500_100, maxCents: 500_000 });
  });

  it('accepts exactly 80 % of the total and refuses one cent more', () => {
    expect(statusOf(budgetWith(euros(5_000), euros(4_000)), 'subsidy-cap')).toBe('pass');
    const over = find(
      checkBudget(budgetWith(euros(5_000), euros(4_000) + 1), bounds),
      'subsidy-cap',
    );
    expect(over.status).toBe('fail');
    expect(plain(over.message)).toBe(
      'La subvention demandée (4 000,01 €) dépasse 80 % du budget total (5 000 €) : elle ne peut pas excéder 4 000 €.',
    );
    expect(over.figures).toEqual({
      subsidyCents: 400_001,
      totalCents: 500_000,
      capRatio: 0.8,
      capCents: 400_000,
    });
  });

  it('rounds the cap down to the cent where 80 % is not a whole number of cents', () => {
    // 80 % of 12 345,67 € is 9 876,536 €: 9 876,53 € passes, 9 876,54 € does not.
    expect(statusOf(budgetWith(1_234_567, 987_653), 'subsidy-cap')).toBe('pass');
    expect(statusOf(budgetWith(1_234_567, 987_654), 'subsidy-cap')).toBe('fail');
  });

  it('checks an empty budget: balanced, no subsidy, under the cap', () => {
    const checks = checkBudget({ expenses: [], resources: [] }, bounds);
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['balanced', 'pass'],
      ['subsidy-min', 'fail'],
      ['subsidy-max', 'pass'],
      ['subsidy-cap', 'pass'],
    ]);
    expect(plain(find(checks, 'subsidy-min').message)).toContain('(0 €)');
  });
});

const cents = fc.integer({ min: 0, max: 100_000_000_00 });

/** Cap ratios that are exact fractions p/q, to compare with q·subsidy ≤ p·total. */
const exactRatio = fc.constantFrom(
  { ratio: 0.8, p: 4n, q: 5n },
  { ratio: 0.5, p: 1n, q: 2n },
  { ratio: 0.75, p: 3n, q: 4n },
  { ratio: 0.07, p: 7n, q: 100n },
  { ratio: 0.3333, p: 3333n, q: 10_000n },
  { ratio: 1, p: 1n, q: 1n },
);

describe('cap arithmetic', () => {
  it('agrees with the exact rational comparison', () => {
    fc.assert(
      fc.property(cents, cents, exactRatio, (subsidy, total, { ratio, p, q }) => {
        expect(isWithinCap(subsidy, total, ratio)).toBe(q * BigInt(subsidy) <= p * BigInt(total));
      }),
    );
  });

  it('agrees at the boundary, where floating point would hesitate', () => {
    fc.assert(
      fc.property(
        cents,
        fc.integer({ min: -2, max: 2 }),
        exactRatio,
        (total, delta, { ratio, p, q }) => {
          const subsidy = Math.max(0, Number((p * BigInt(total)) / q) + delta);
          expect(isWithinCap(subsidy, total, ratio)).toBe(q * BigInt(subsidy) <= p * BigInt(total));
        },
      ),
    );
  });

  it('gives as the cap the largest subsidy that passes', () => {
    fc.assert(
      fc.property(cents, exactRatio, (total, { ratio }) => {
        const cap = subsidyCapCents(total, ratio);
        expect(isWithinCap(cap, total, ratio)).toBe(true);
        expect(isWithinCap(cap + 1, total, ratio)).toBe(false);
      }),
    );
  });

  it('is monotone: a larger total never fails a subsidy a smaller total accepts', () => {
    fc.assert(
      fc.property(cents, cents, cents, exactRatio, (subsidy, total, extra, { ratio }) => {
        if (isWithinCap(subsidy, total, ratio)) {
          expect(isWithinCap(subsidy, total + extra, ratio)).toBe(true);
        }
      }),
    );
  });
});

const line = fc.integer({ min: 0, max: 1_000_000_00 });
const arbitraryBudget: fc.Arbitrary<Budget> = fc.record({
  expenses: fc.array(
    fc.record({
      category: fc.constantFrom(...expenseCategories),
      label: fc.constant('D'),
      amountCents: line,
    }),
    { maxLength: 8 },
  ),
  resources: fc.array(
    fc.record({
      kind: fc.constantFrom(...resourceKinds),
      label: fc.constant('R'),
      amountCents: line,
    }),
    { maxLength: 8 },
  ),
});

describe('checkBudget invariants', () => {
  it('adding an expense line never makes a capped subsidy go over the cap', () => {
    fc.assert(
      fc.property(arbitraryBudget, line, (b, amountCents) => {
        const more: Budget = {
          ...b,
          expenses: [...b.expenses, { category: 'other', label: 'X', amountCents }],
        };
        if (statusOf(b, 'subsidy-cap') === 'pass')
          expect(statusOf(more, 'subsidy-cap')).toBe('pass');
      }),
    );
  });

  it('adding an ANCT subsidy line never brings an over-cap subsidy under the cap', () => {
    fc.assert(
      fc.property(arbitraryBudget, line, (b, amountCents) => {
        const more: Budget = {
          ...b,
          resources: [...b.resources, { kind: 'anct-subsidy', label: 'S', amountCents }],
        };
        if (statusOf(b, 'subsidy-cap') === 'fail')
          expect(statusOf(more, 'subsidy-cap')).toBe('fail');
      }),
    );
  });

  it('passes "balanced" exactly when resources equal expenses, and quotes the subsidy', () => {
    fc.assert(
      fc.property(arbitraryBudget, (b) => {
        const checks = checkBudget(b, bounds);
        const balanced = find(checks, 'balanced');
        expect(balanced.status === 'pass').toBe(balanced.figures.balanceCents === 0);
        const subsidy = b.resources
          .filter((r) => r.kind === 'anct-subsidy')
          .reduce((a, r) => a + r.amountCents, 0);
        expect(find(checks, 'subsidy-max').message).toContain(formatCents(subsidy));
        expect(find(checks, 'subsidy-max').status === 'pass').toBe(subsidy <= bounds.maxCents);
        expect(find(checks, 'subsidy-min').status === 'pass').toBe(subsidy >= bounds.minCents);
      }),
    );
  });
});

describe('checkAwardedAmount', () => {
  const budget = {
    expenses: [{ category: 'logistics' as const, label: 'Salle', amountCents: 1_000_000 }],
    resources: [
      { kind: 'own-funds' as const, label: 'Fonds propres', amountCents: 500_000 },
      { kind: 'anct-subsidy' as const, label: 'Subvention', amountCents: 500_000 },
    ],
  };
  const bounds = { minCents: 250_000, maxCents: 500_000, capRatio: 0.8 };

  it('passes an award within the bounds, whatever was requested', () => {
    expect(checkAwardedAmount(budget, bounds, 300_000).every((c) => c.status === 'pass')).toBe(
      true,
    );
  });

  it('speaks of the awarded amount when it fails', () => {
    const [min, max] = checkAwardedAmount(budget, bounds, 249_999);
    expect(min!.status).toBe('fail');
    expect(min!.message).toMatch(
      /^Le montant accordé \(2\s499,99\s€\) est inférieur au montant minimal/,
    );
    expect(max!.status).toBe('pass');
    expect(checkAwardedAmount(budget, bounds, 500_001)[1]!.message).toMatch(
      /^Le montant accordé .* dépasse le plafond/,
    );
  });

  it('applies the cap to the dossier’s total budget (exactly 80 % passes)', () => {
    const small = {
      ...budget,
      expenses: [{ category: 'logistics' as const, label: 'Salle', amountCents: 400_000 }],
    };
    expect(checkAwardedAmount(small, bounds, 320_000)[2]!.status).toBe('pass');
    const over = checkAwardedAmount(small, bounds, 320_001)[2]!;
    expect(over.status).toBe('fail');
    expect(over.message).toMatch(/: il ne peut pas excéder/);
  });
});
