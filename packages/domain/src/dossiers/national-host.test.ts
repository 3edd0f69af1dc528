import { describe, expect, it } from 'vitest';
import { describeIssues, type FieldIssue } from '../shared/issues.js';
import { nationalHostDossierDraftSchema, nationalHostDossierSchema } from './national-host.js';
import { exampleNationalHostDossier } from './examples.js';
import { dot, keyPaths, without, withValue } from './test-helpers/paths.js';

const example = exampleNationalHostDossier();

function issuesOf(value: unknown): FieldIssue[] {
  const result = nationalHostDossierSchema.safeParse(value);
  return result.success ? [] : describeIssues(result.error);
}

describe('nationalHostDossierSchema', () => {
  it('accepts the example', () => {
    expect(issuesOf(example)).toEqual([]);
  });

  const optional = new Set(['initiatives.localNecBilans']);
  it.each(
    keyPaths(example)
      .filter((p) => !optional.has(dot(p)))
      .map((p) => [dot(p), p] as const),
  )('reports the removal of %s at its path', (_, path) => {
    expect(issuesOf(without(example, path)).map((i) => i.path)).toContain(dot(path));
  });

  it('accepts the application without the bilans of earlier NEC locals', () => {
    expect(issuesOf(without(example, ['initiatives', 'localNecBilans']))).toEqual([]);
  });

  it('is for collectivités only', () => {
    const issues = issuesOf(withValue(example, ['collectivite', 'category'], 'association'));
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['collectivite.category', 'collectivite-required'],
    ]);
  });

  it('needs proposed dates in order, and at least one venue and period', () => {
    const reversed = withValue(
      example,
      ['proposedDates'],
      [{ startDate: '2025-10-09', endDate: '2025-10-08' }],
    );
    expect(issuesOf(reversed).map((i) => i.path)).toEqual(['proposedDates.0.endDate']);
    expect(issuesOf({ ...example, venues: [], proposedDates: [] }).map((i) => i.path)).toEqual([
      'venues',
      'proposedDates',
    ]);
  });

  it('needs at least one theme to feature', () => {
    const none = withValue(example, ['themesToFeature', 'catalogue'], []);
    expect(issuesOf(none).map((i) => [i.path, i.code])).toEqual([
      ['themesToFeature', 'theme-required'],
    ]);
  });

  it('accepts an empty draft and reports a wrong-typed count in a draft', () => {
    expect(nationalHostDossierDraftSchema.safeParse({}).success).toBe(true);
    const result = nationalHostDossierDraftSchema.safeParse({ expectedSpeakers: 'trois cents' });
    expect(describeIssues(result.error!).map((i) => i.path)).toEqual(['expectedSpeakers']);
  });
});
