import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RuleCheck, requestOutcome, ruleStatuses, verdictOf } from './verdict.js';

const rule = (status: RuleCheck['status']): RuleCheck => ({
  id: `rule-${status}`,
  status,
  explanation: '…',
  source: { callKind: 'nec-local', campaignId: 'test', parameter: null },
});

describe('verdictOf', () => {
  it('is eligible when every rule passes (and when there is none)', () => {
    expect(verdictOf([rule('pass'), rule('pass')]).verdict).toBe('eligible');
    expect(verdictOf([]).verdict).toBe('eligible');
  });
  it('is incomplete when an input is missing and nothing fails', () => {
    expect(verdictOf([rule('pass'), rule('missing')]).verdict).toBe('incomplete');
  });
  it('is ineligible as soon as one rule fails, even with missing inputs', () => {
    expect(verdictOf([rule('missing'), rule('fail'), rule('pass')]).verdict).toBe('ineligible');
  });
  it('keeps every rule, in order, whatever the mix', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ruleStatuses)), (statuses) => {
        const rules = statuses.map(rule);
        const { verdict, rules: kept } = verdictOf(rules);
        const expected = statuses.includes('fail')
          ? 'ineligible'
          : statuses.includes('missing')
            ? 'incomplete'
            : 'eligible';
        return (
          verdict === expected &&
          kept.length === rules.length &&
          kept.every((r, i) => r === rules[i])
        );
      }),
    );
  });
});

describe('requestOutcome', () => {
  it('says when a request was not made', () => {
    expect(requestOutcome({ requested: false })).toBe('not-requested');
    expect(requestOutcome({ requested: true, ...verdictOf([rule('fail')]) })).toBe('ineligible');
    expect(requestOutcome({ requested: null, ...verdictOf([rule('missing')]) })).toBe('incomplete');
  });
});
