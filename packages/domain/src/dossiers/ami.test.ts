import { describe, expect, it } from 'vitest';
import { amiCommitmentKeys } from '../calls/campaign.js';
import { describeIssues, type FieldIssue } from '../shared/issues.js';
import {
  amiChallengeLabels,
  amiChallenges,
  amiDossierDraftSchema,
  amiDossierSchema,
} from './ami.js';
import { exampleAmiDossier } from './examples.js';
import { dot, keyPaths, without, withValue } from './test-helpers/paths.js';

const example = exampleAmiDossier();

function issuesOf(value: unknown): FieldIssue[] {
  const result = amiDossierSchema.safeParse(value);
  return result.success ? [] : describeIssues(result.error);
}

describe('amiDossierSchema', () => {
  it('accepts the example', () => {
    expect(issuesOf(example)).toEqual([]);
  });

  const optional = new Set(['qualityCommitments.coDesign']);
  it.each(
    keyPaths(example)
      .filter((p) => !optional.has(dot(p)))
      .map((p) => [dot(p), p] as const),
  )('reports the removal of %s at its path', (_, path) => {
    expect(issuesOf(without(example, path)).map((i) => i.path)).toContain(dot(path));
  });

  it('needs at least one challenge, each at most once', () => {
    expect(issuesOf({ ...example, challenges: [] }).map((i) => i.path)).toEqual(['challenges']);
    const twice = issuesOf({ ...example, challenges: ['autonomy', 'autonomy'] });
    expect(twice.map((i) => i.code)).toEqual(['duplicate']);
    expect(issuesOf({ ...example, challenges: [...amiChallenges] })).toEqual([]);
  });

  it('needs the requested amount to be the budget’s ANCT line', () => {
    const issues = issuesOf(withValue(example, ['requestedAmountCents'], 3_000_000));
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['requestedAmountCents', 'subsidy-mismatch'],
    ]);
  });

  it('records commitments as yes/no answers; which are mandatory is campaign data', () => {
    expect(issuesOf(withValue(example, ['qualityCommitments', 'security'], false))).toEqual([]);
    const keys = Object.keys(amiDossierSchema.shape.qualityCommitments.shape);
    expect(keys).toEqual([...amiCommitmentKeys]);
  });

  it('labels every challenge', () => {
    expect(Object.keys(amiChallengeLabels)).toEqual([...amiChallenges]);
  });

  it('accepts an empty draft', () => {
    expect(amiDossierDraftSchema.safeParse({}).success).toBe(true);
  });
});
