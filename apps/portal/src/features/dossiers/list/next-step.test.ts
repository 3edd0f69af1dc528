import { describe, expect, it } from 'vitest';
import { dossierStates } from '@nec/domain';
import { awaitsApplicant } from './next-step.js';

describe('awaitsApplicant', () => {
  it('flags the states where the workflow waits for the applicant, withdrawal aside', () => {
    expect(dossierStates.filter(awaitsApplicant)).toEqual([
      'draft',
      'information-requested',
      'accepted',
      'agreement-signed',
      'event-held',
    ]);
  });
});
