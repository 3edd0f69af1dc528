import { describe, expect, it } from 'vitest';
import { amiMediation2021 } from '../../calls/campaigns.fixtures.js';
import { ruleFactory } from '../rule.js';
import { amiBase } from '../test-helpers/bases.js';
import { challengesRule, evaluateAmi, qualityCommitmentsRule } from './rules.js';

const make = ruleFactory(amiMediation2021);

describe('AMI rules', () => {
  it('need at least one challenge, counted once each', () => {
    expect(challengesRule(make, amiMediation2021, { challenges: ['autonomy'] }).status).toBe(
      'pass',
    );
    expect(challengesRule(make, amiMediation2021, { challenges: ['', null] }).status).toBe(
      'missing',
    );
    const twice = challengesRule(make, amiMediation2021, { challenges: ['autonomy', 'autonomy'] });
    expect(twice.explanation).toContain('1 défi ');
  });

  it('name the mandatory commitments refused, even if others are unanswered', () => {
    const result = qualityCommitmentsRule(make, amiMediation2021, {
      qualityCommitments: { security: false, openness: false },
    });
    expect(result.status).toBe('fail');
    expect(result.explanation).toContain('ouverture du code et des données, sécurité');
  });

  it('close at the end of September 2021', () => {
    expect(evaluateAmi(amiBase(), amiMediation2021, '2021-09-30').application.verdict).toBe(
      'eligible',
    );
    expect(evaluateAmi(amiBase(), amiMediation2021, '2021-10-01').application.verdict).toBe(
      'ineligible',
    );
    expect(evaluateAmi(amiBase(), amiMediation2021, '2020-12-31').application.verdict).toBe(
      'ineligible',
    );
  });
});
