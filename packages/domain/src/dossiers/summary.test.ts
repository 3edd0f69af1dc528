import { describe, expect, it } from 'vitest';
import { callKinds } from '../calls/call-kinds.js';
import { dossierSummaryOf, dossierSummarySchema } from './summary.js';
import {
  exampleAmiDossier,
  exampleNationalHostDossier,
  exampleNecLocalDossier,
} from './examples.js';

describe('dossierSummaryOf', () => {
  it('reads the complete examples', () => {
    expect(dossierSummaryOf('nec-local', exampleNecLocalDossier())).toEqual({
      title: 'Les Communs en partage — NEC local du Val de Thouet',
      eventDate: '2026-10-15',
      requestedSubsidyCents: 500_000,
    });
    expect(dossierSummaryOf('national-host', exampleNationalHostDossier())).toEqual({
      title: 'Département de démonstration (fictif)',
      eventDate: '2025-10-08',
      requestedSubsidyCents: null,
    });
    expect(dossierSummaryOf('ami-mediation', exampleAmiDossier())).toEqual({
      title: 'Cartographie partagée des lieux de médiation (projet fictif)',
      eventDate: null,
      requestedSubsidyCents: 4_000_000,
    });
  });

  it.each(callKinds)('gives nulls for an empty or non-object %s content', (callKind) => {
    const empty = { title: null, eventDate: null, requestedSubsidyCents: null };
    expect(dossierSummaryOf(callKind, {})).toEqual(empty);
    expect(dossierSummaryOf(callKind, null)).toEqual(empty);
    expect(dossierSummaryOf(callKind, 'texte')).toEqual(empty);
  });

  it('keeps the valid facts of an invalid draft and drops the malformed ones', () => {
    const draft = {
      title: '  ',
      event: { startDate: '15/10/2026' },
      requests: { subsidy: { requested: true, amountCents: 250_000 } },
      audiences: { expectedAttendees: 'beaucoup' },
    };
    expect(dossierSummaryOf('nec-local', draft)).toEqual({
      title: null,
      eventDate: null,
      requestedSubsidyCents: 250_000,
    });
  });

  it('reports no subsidy when none is requested, whatever the amount field says', () => {
    const draft = { requests: { subsidy: { requested: false, amountCents: 250_000 } } };
    expect(dossierSummaryOf('nec-local', draft).requestedSubsidyCents).toBeNull();
  });

  it('always fits dossierSummarySchema', () => {
    expect(
      dossierSummarySchema.safeParse(dossierSummaryOf('nec-local', { title: 'T' })).success,
    ).toBe(true);
  });
});
