import { describe, expect, it } from 'vitest';
import { dossierSteps, fieldOfRule, stepOfField, stepsWithErrors } from './steps.js';

describe('dossier steps', () => {
  it('finds the step of a field', () => {
    expect(stepOfField('event.venue.capacity')?.slug).toBe('date-et-lieu');
    expect(stepOfField('organisers.0.siret')?.slug).toBe('structures');
    expect(stepOfField('unknown')).toBeUndefined();
  });
  it('maps eligibility rules to the field that fixes them', () => {
    expect(fieldOfRule({ id: 'min-attendees' })).toBe('audiences.expectedAttendees');
    expect(fieldOfRule({ id: 'budget-subsidy-cap' })).toBe('budget');
    expect(fieldOfRule({ id: 'campaign-open' })).toBeNull();
  });
  it('lists the steps in error', () => {
    expect([...stepsWithErrors(['title', 'budget.expenses', 'organisers.0.name'])]).toEqual([
      'projet',
      'budget',
      'structures',
    ]);
  });
  it('has unique slugs', () => {
    expect(new Set(dossierSteps.map((s) => s.slug)).size).toBe(dossierSteps.length);
  });
});
