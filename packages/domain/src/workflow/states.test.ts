import { describe, expect, it } from 'vitest';
import { roleLabels, roleSchema, roles } from './roles.js';
import { workflowEventLabels, workflowEvents } from './events.js';
import {
  dossierStateLabels,
  dossierStateSchema,
  dossierStates,
  hasSignedAgreement,
  holdsFollowUpCommittees,
  isUnderInstruction,
} from './states.js';

describe('dossierStates', () => {
  it('has a distinct, non-empty French label per state', () => {
    const labels = dossierStates.map((s) => dossierStateLabels[s]);
    expect(labels.every((l) => l.trim().length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(dossierStates.length);
  });

  it('parses known states and rejects others with a French message', () => {
    expect(dossierStateSchema.parse('interview')).toBe('interview');
    const result = dossierStateSchema.safeParse('archived');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('État de dossier inconnu.');
  });
});

describe('isUnderInstruction', () => {
  it('is true from submission until the decision, and only then', () => {
    const expected = ['submitted', 'under-review', 'information-requested', 'interview'];
    for (const state of dossierStates) {
      expect(isUnderInstruction(state), state).toBe(expected.includes(state));
    }
  });
});

describe('hasSignedAgreement and holdsFollowUpCommittees', () => {
  it('follow the agreement from its signature; committees stop at closing', () => {
    const signed = ['agreement-signed', 'event-held', 'bilan-submitted', 'closed'];
    for (const state of dossierStates) {
      expect(hasSignedAgreement(state), state).toBe(signed.includes(state));
      expect(holdsFollowUpCommittees(state), state).toBe(
        signed.includes(state) && state !== 'closed',
      );
    }
  });
});

describe('roles and events', () => {
  it('labels every role and event in French, without duplicates', () => {
    expect(new Set(roles.map((r) => roleLabels[r])).size).toBe(4);
    expect(new Set(workflowEvents.map((e) => workflowEventLabels[e])).size).toBe(
      workflowEvents.length,
    );
  });

  it('rejects an unknown role', () => {
    expect(roleSchema.safeParse('analyst').success).toBe(true);
    expect(roleSchema.safeParse('guest').success).toBe(false);
  });
});
