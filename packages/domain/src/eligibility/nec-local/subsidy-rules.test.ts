import { describe, expect, it } from 'vitest';
import { permanentNecLocalCampaign } from '../../calls/permanent.js';
import { ruleFactory } from '../rule.js';
import { necLocalBase } from '../test-helpers/bases.js';
import { budgetRules, withinAgreementRule } from './subsidy-rules.js';

const campaign = permanentNecLocalCampaign(2026);
const make = ruleFactory(campaign);

describe('budgetRules', () => {
  it('turns every budget check into a rule, plus the amount asked', () => {
    const rules = budgetRules(make, campaign, necLocalBase());
    expect(rules.map((r) => r.id)).toEqual([
      'budget-balanced',
      'budget-subsidy-min',
      'budget-subsidy-max',
      'budget-subsidy-cap',
      'subsidy-amount',
    ]);
    expect(rules.every((r) => r.status === 'pass')).toBe(true);
    expect(rules.find((r) => r.id === 'budget-subsidy-cap')?.source.parameter).toBe(
      'subsidy.capRatio',
    );
  });

  it('gives one missing rule while the budget is unfinished', () => {
    const base = necLocalBase();
    const unfinished = { ...base, budget: { expenses: base.budget.expenses, resources: [] } };
    expect(budgetRules(make, campaign, unfinished).map((r) => [r.id, r.status])).toEqual([
      ['budget', 'missing'],
    ]);
    expect(budgetRules(make, campaign, { ...base, budget: undefined })).toHaveLength(1);
  });

  it('asks for the amount when it is not stated, quoting the budget line', () => {
    const base = necLocalBase();
    const rules = budgetRules(make, campaign, {
      ...base,
      requests: { ...base.requests, subsidy: { requested: true } },
    });
    const amount = rules.find((r) => r.id === 'subsidy-amount');
    expect(amount?.status).toBe('missing');
    expect(amount?.explanation.replace(/\s/g, ' ')).toContain('4 000 €');
  });
});

describe('withinAgreementRule', () => {
  it('compares the last day of the event with the end of the agreement', () => {
    const at = (startDate: string, endDate?: string) =>
      withinAgreementRule(make, campaign, { event: { startDate, endDate } });
    expect(at('2026-12-31').status).toBe('pass');
    expect(at('2027-01-01').status).toBe('fail');
    expect(at('2026-12-30', '2027-01-02').status).toBe('fail');
    expect(withinAgreementRule(make, campaign, {}).status).toBe('missing');
  });
});
